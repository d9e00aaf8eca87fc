# Integration tests that need tools outside the C++ build (headless Chromium, Dask, Jupyter).
# Included from CMakeLists.txt inside if(FRAMELENS_TESTS). Each script exits 77 when its tool is
# not installed, which ctest reports as "skipped" (never a hang: every step has a timeout).
#   Debian packages: chromium, python3-distributed, jupyter-nbconvert, python3-ipykernel,
#   python3-matplotlib, python3-pandas, r-base-core
add_test(NAME integration.html_chromium
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_html_chromium.sh $<TARGET_FILE:framelens>)
add_test(NAME integration.dask_runner
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_dask_runner.sh $<TARGET_FILE:framelens>)
add_test(NAME integration.notebook
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_notebook.sh $<TARGET_FILE:framelens>)
add_test(NAME integration.readme_tour
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_readme_tour.sh $<TARGET_FILE:framelens>)
add_test(NAME integration.exit_codes
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_exit_codes.sh $<TARGET_FILE:framelens>)
add_test(NAME integration.csv_roundtrip
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_csv_roundtrip.sh $<TARGET_FILE:framelens>)
add_test(NAME integration.report_chromium_20_outlets
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/test_report_layout.sh $<TARGET_FILE:framelens>)
set_tests_properties(integration.html_chromium integration.dask_runner integration.notebook
                     integration.readme_tour integration.exit_codes integration.csv_roundtrip
                     integration.report_chromium_20_outlets PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 300
  LABELS integration
  RESOURCE_LOCK framelens_integration)
