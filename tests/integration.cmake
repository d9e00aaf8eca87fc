# Integration tests that need tools outside the C++ build (headless Chromium, Dask, Jupyter).
# Included from CMakeLists.txt inside if(FRAMELENS_TESTS). Each script exits 77 when its tool is
# not installed, which ctest reports as "skipped" (never a hang: every step has a timeout).
#   Debian packages: chromium, python3-distributed, jupyter-nbconvert, python3-ipykernel,
#   python3-matplotlib, python3-pandas
add_test(NAME integration.html_chromium
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_html_chromium.sh $<TARGET_FILE:framelens>)
add_test(NAME integration.dask_runner
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_dask_runner.sh $<TARGET_FILE:framelens>)
add_test(NAME integration.notebook
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_notebook.sh $<TARGET_FILE:framelens>)
set_tests_properties(integration.html_chromium integration.dask_runner integration.notebook PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 300
  LABELS integration
  RESOURCE_LOCK framelens_integration)
