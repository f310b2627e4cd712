# ctest ocds_schema_validation_rejects_broken: each file in TESTDATA/broken-*.json must fail
# validation with exit status 1 (invalid, not a usage or loading error) and print the error it
# was broken for. Arguments: NODE, VALIDATOR, SHARED_DIR, TESTDATA.
set(cases
  "broken-missing-releases.json|must have required property 'releases'"
  "broken-wrong-tag.json|/releases/0/tag/0: must be equal to one of the allowed values"
  "broken-bid-status.json|/releases/0/bids/details/0/status: must be equal to one of the allowed values"
  "broken-amount-as-text.json|/releases/0/tender/value/amount: must be number,null"
  "broken-date-without-offset.json|/releases/0/date: must match format \"date-time\"")
file(GLOB on_disk RELATIVE "${TESTDATA}" "${TESTDATA}/broken-*.json")
list(LENGTH cases expected_count)
list(LENGTH on_disk disk_count)
if(NOT expected_count EQUAL disk_count)
  message(FATAL_ERROR "${disk_count} broken-*.json files but ${expected_count} cases: add the "
                      "expected error of every file here")
endif()
set(failures "")
foreach(case IN LISTS cases)
  string(FIND "${case}" "|" bar)
  string(SUBSTRING "${case}" 0 ${bar} file)
  math(EXPR start "${bar} + 1")
  string(SUBSTRING "${case}" ${start} -1 expected)
  execute_process(COMMAND "${NODE}" "${VALIDATOR}" --shared-dir "${SHARED_DIR}" "${TESTDATA}/${file}"
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  string(FIND "${output}" "${expected}" found)
  if(NOT result EQUAL 1 OR found EQUAL -1)
    string(APPEND failures "\n${file}: exit ${result}, expected 1 and \"${expected}\"; got:\n${output}")
  else()
    message(STATUS "${file} rejected as expected")
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "validate.mjs accepted or mis-reported broken packages:${failures}")
endif()
