// Filled in by the implementation of task_area.h (in progress).
