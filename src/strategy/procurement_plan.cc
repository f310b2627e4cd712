// Filled in by the implementation of procurement_plan.h (in progress).
