// Filled in by the implementation of priorities.h (in progress).
