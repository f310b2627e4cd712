// Tests of this part follow with its implementation.
