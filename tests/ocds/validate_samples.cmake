# ctest ocds_schema_validation: writes the sample packages into a fresh OUT_DIR, then validates
# them all. Arguments: SAMPLES, NODE, VALIDATOR, SHARED_DIR, OUT_DIR.
file(REMOVE_RECURSE "${OUT_DIR}")
execute_process(COMMAND "${SAMPLES}" "${OUT_DIR}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "ocds_export_samples failed (${result})")
endif()
execute_process(COMMAND "${NODE}" "${VALIDATOR}" --shared-dir "${SHARED_DIR}" "${OUT_DIR}"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the sample OCDS packages are not valid (validate.mjs exit ${result})")
endif()
