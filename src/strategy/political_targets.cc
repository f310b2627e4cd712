// Filled in by the implementation of political_targets.h (in progress).
