#include "CurlShim.h"

CURLcode wd_easy_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

CURLcode wd_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

CURLcode wd_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

CURLcode wd_easy_setopt_off_t(CURL *handle, CURLoption option, long long value) {
  return curl_easy_setopt(handle, option, (curl_off_t)value);
}

CURLcode wd_easy_setopt_write_function(CURL *handle, CURLoption option, wd_write_callback callback) {
  return curl_easy_setopt(handle, option, callback);
}

CURLcode wd_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

CURLcode wd_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
  return curl_easy_getinfo(handle, info, value);
}

CURLcode wd_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
  return curl_easy_getinfo(handle, info, value);
}

CURLcode wd_easy_getinfo_off_t(CURL *handle, CURLINFO info, long long *value) {
  curl_off_t result = 0;
  CURLcode code = curl_easy_getinfo(handle, info, &result);
  *value = (long long)result;
  return code;
}

CURLMcode wd_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
  return curl_multi_setopt(handle, option, value);
}
