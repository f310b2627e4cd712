// Filled in by the implementation of iku_peers.h (in progress).
