// The translation unit that carries the tests' precompiled header (tests/CMakeLists.txt,
// stipple_test_pch); the GoogleTest programs reuse it.
