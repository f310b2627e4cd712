// Filled in by the implementation of iku_chart.h (in progress).
