// Filled in by the implementation of strategy_register.h (in progress).
