// Filled in by the implementation of priorities_json.h (in progress).
