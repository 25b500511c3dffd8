#ifndef WALLETDOCTOR_CURL_SHIM_H
#define WALLETDOCTOR_CURL_SHIM_H

// Typed wrappers around libcurl's variadic functions. Swift cannot call C variadics,
// so every option kind the transport uses gets one fixed-signature function here.

#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*wd_write_callback)(char *data, size_t size, size_t count, void *context);

CURLcode wd_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode wd_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode wd_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode wd_easy_setopt_off_t(CURL *handle, CURLoption option, long long value);
CURLcode wd_easy_setopt_write_function(CURL *handle, CURLoption option, wd_write_callback callback);

CURLcode wd_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode wd_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode wd_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);
CURLcode wd_easy_getinfo_off_t(CURL *handle, CURLINFO info, long long *value);

CURLMcode wd_multi_setopt_long(CURLM *handle, CURLMoption option, long value);

#endif
