#pragma once
// Allocators for the large tables of the loaded models (weights, word vectors, hash tables).
//
// Large blocks are 2 MiB aligned and marked MADV_HUGEPAGE (a hint: the kernel may ignore it).
// Two reasons: random lookups over 4 KiB pages miss the TLB as well as the cache, and loading
// pays one page fault per 4 KiB touched, which on the VMs this runs on costs ~10 us each (the
// faults were about half of the model load time); a 2 MiB page is one fault.
//
// ModelBuffer<T> additionally leaves elements uninitialised on resize(n) (value-given forms such as
// assign(n, v) or resize(n, v) still initialise): a table that is read from a file or filled right
// after allocation is not zero-filled first for nothing.
#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace framelens {

// std::allocator for small blocks; huge-page-backed for blocks of at least kHugePageMinBytes.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHuge = size_t{2} << 20;
  // Below this a block stays on ordinary pages. A huge page costs about as much to fault in as
  // ten small ones, so from 256 KiB (64 small faults) up the rounding to 2 MiB pays for itself in
  // load time; the few such tables of the shipped models add ~5 MB of resident memory.
  static constexpr size_t kHugePageMinBytes = size_t{256} << 10;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePageMinBytes) return std::allocator<T>().allocate(n);
    const size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
    void* p = std::aligned_alloc(kHuge, rounded);
    if (!p) throw std::bad_alloc();
    madvise(p, rounded, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugePageMinBytes) return std::allocator<T>().deallocate(p, n);
    std::free(p);
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

// HugePageAllocator whose no-argument construct() default-initialises (no zero-fill for
// trivial types).
template <typename T>
struct NoInitHugePageAllocator : HugePageAllocator<T> {
  NoInitHugePageAllocator() = default;
  template <typename U>
  NoInitHugePageAllocator(const NoInitHugePageAllocator<U>&) {}
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  template <typename U>
  bool operator==(const NoInitHugePageAllocator<U>&) const { return true; }
};

// A vector for large model tables: huge pages, and resize(n) does not zero-fill (see above).
template <typename T>
using ModelBuffer = std::vector<T, NoInitHugePageAllocator<T>>;

}  // namespace framelens
