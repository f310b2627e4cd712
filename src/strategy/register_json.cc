// Filled in by the implementation of register_json.h (in progress).
