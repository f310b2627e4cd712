// Filled in by the implementation of plan_json.h (in progress).
