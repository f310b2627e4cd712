# Fails naming every file under ROOT that uses std::mutex, std::lock_guard or std::unique_lock
# instead of the annotated Mutex and MutexLock of common/mutex.h.
file(GLOB_RECURSE files ${ROOT}/*.h ${ROOT}/*.cc)
set(found "")
foreach(file ${files})
  if(file MATCHES "common/mutex\\.h$")
    continue()
  endif()
  file(STRINGS ${file} hits REGEX "std::(mutex|lock_guard|unique_lock|shared_mutex|recursive_mutex)")
  if(hits)
    string(APPEND found "\n  ${file}")
  endif()
endforeach()
if(found)
  message(FATAL_ERROR "use samspill::Mutex and MutexLock (common/mutex.h) instead of the "
                      "unannotated standard ones in:${found}")
endif()
message(STATUS "every mutex under ${ROOT} is the annotated one")
