// Filled in by the implementation of plan_export.h (in progress).
