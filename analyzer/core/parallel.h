#pragma once
// Runs fn(i) for i in [0, n) on `threads` threads (the caller's thread included). Used per chunk
// of records so output order stays deterministic and memory stays bounded by the chunk size.
#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace framelens {

inline unsigned default_threads() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

inline void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& fn) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  const unsigned extra = static_cast<unsigned>(std::min<size_t>(threads, n)) - 1;
  pool.reserve(extra);
  for (unsigned t = 0; t < extra; ++t) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

}  // namespace framelens
