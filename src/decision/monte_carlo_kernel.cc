#include "decision/monte_carlo_kernel.h"

#include <bit>
#include <cmath>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SAMSPILL_DECISION_AVX2 1
#include <immintrin.h>
#endif

namespace samspill::decision {
namespace {

// The top 53 bits as a fraction in [0, 1): exact, so every kernel gets the same double.
inline double Uniform(uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// a where `pick`, else b, by masking bits as the vector kernels blend: u falls on either side of
// a mode at random, and a mispredicted branch costs more than computing both sides.
inline double Select(bool pick, double a, double b) {
  const uint64_t mask = uint64_t{0} - static_cast<uint64_t>(pick);
  return std::bit_cast<double>((std::bit_cast<uint64_t>(a) & mask) |
                               (std::bit_cast<uint64_t>(b) & ~mask));
}

// The vector kernels compute these expressions operation for operation; a change here is a
// change there.
inline double OneShapeValue(const PlannedLine& line, double u) {
  const bool below = u < line.shape;
  const double s = std::sqrt(Select(below, u * line.shape, (1 - u) * line.rest));
  return line.offset + line.scale * Select(below, s, 1 - s);
}

inline double GroupedValue(const PlannedLine& line, const double* shapes, const double* table,
                           double u) {
  const double s1 = std::sqrt(u);
  const double s2 = std::sqrt(1 - u);
  uint32_t j = 0;  // the shapes ascend: the groups past their mode are a prefix
  for (uint32_t k = 0; k < line.groups; ++k) j += shapes[k] <= u ? 1 : 0;
  const double* t = table + 3 * j;
  return (t[0] - s2 * t[1]) + s1 * t[2];
}

// The rounds [from, to) of block-relative index, scalar: the portable kernel, and the AVX2
// kernel's last rounds when the block is not a multiple of four.
void AddLineRounds(const DrawPlan& plan, size_t i, uint64_t first, size_t from, size_t to,
                   double* sum) {
  const PlannedLine line = plan.lines[i];  // a copy: the sums cannot alias it
  const uint64_t n = plan.lines.size();
  const uint64_t step = n * kSplitMix64Increment;
  uint64_t state = plan.seed + ((first + from) * n + i + 1) * kSplitMix64Increment;
  if (line.groups == 1) {
    for (size_t d = from; d < to; ++d, state += step) {
      sum[d] += OneShapeValue(line, Uniform(SplitMix64Output(state)));
    }
    return;
  }
  const double* shapes = plan.shapes.data() + line.shapes_at;
  const double* table = plan.tables.data() + line.table_at;
  for (size_t d = from; d < to; ++d, state += step) {
    sum[d] += GroupedValue(line, shapes, table, Uniform(SplitMix64Output(state)));
  }
}

#ifdef SAMSPILL_DECISION_AVX2

// a · b mod 2⁶⁴ per lane, from 32-bit products (AVX2 has no 64-bit multiply).
__attribute__((target("avx2"))) inline __m256i Multiply64(__m256i a, uint64_t b) {
  const __m256i b_low = _mm256_set1_epi64x(static_cast<int64_t>(b & 0xffffffffULL));
  const __m256i b_high = _mm256_set1_epi64x(static_cast<int64_t>(b >> 32));
  const __m256i low = _mm256_mul_epu32(a, b_low);
  const __m256i cross = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(a, 32), b_low),
                                         _mm256_mul_epu32(a, b_high));
  return _mm256_add_epi64(low, _mm256_slli_epi64(cross, 32));
}

__attribute__((target("avx2"))) inline __m256i SplitMix64Output4(__m256i z) {
  z = Multiply64(_mm256_xor_si256(z, _mm256_srli_epi64(z, 30)), 0xbf58476d1ce4e5b9ULL);
  z = Multiply64(_mm256_xor_si256(z, _mm256_srli_epi64(z, 27)), 0x94d049bb133111ebULL);
  return _mm256_xor_si256(z, _mm256_srli_epi64(z, 31));
}

// Uniform() per lane: the top 52 bits as the mantissa of a double in [1, 2), less one, plus
// 2⁻⁵³ for the 53rd bit. Both steps are exact, so the double is Uniform()'s.
__attribute__((target("avx2"))) inline __m256d Uniform4(__m256i bits) {
  const __m256i one_exponent = _mm256_set1_epi64x(0x3ff0000000000000LL);
  const __m256d top =
      _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(bits, 12), one_exponent)),
                    _mm256_set1_pd(1.0));
  const __m256i bit53 = _mm256_set1_epi64x(0x800);
  const __m256i set = _mm256_cmpeq_epi64(_mm256_and_si256(bits, bit53), bit53);
  const __m256d last = _mm256_and_pd(_mm256_castsi256_pd(set), _mm256_set1_pd(0x1.0p-53));
  return _mm256_add_pd(top, last);
}

// GCC 12 reports -Wmaybe-uninitialized inside its own AVX-512 intrinsics (GCC bug 105593,
// fixed in GCC 13).
#if !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

__attribute__((target("avx512f,avx512dq"))) inline __m512i SplitMix64Output8(__m512i z) {
  const __m512i multiplier1 = _mm512_set1_epi64(static_cast<int64_t>(0xbf58476d1ce4e5b9ULL));
  const __m512i multiplier2 = _mm512_set1_epi64(static_cast<int64_t>(0x94d049bb133111ebULL));
  z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), multiplier1);
  z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), multiplier2);
  return _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
}

// Uniform() per lane: the 53 bits convert to a double exactly.
__attribute__((target("avx512f,avx512dq"))) inline __m512d Uniform8(__m512i bits) {
  return _mm512_mul_pd(_mm512_cvtepu64_pd(_mm512_srli_epi64(bits, 11)), _mm512_set1_pd(0x1.0p-53));
}

#endif  // SAMSPILL_DECISION_AVX2

}  // namespace

void AddRoundsPortable(const DrawPlan& plan, uint64_t first, size_t count,
                       std::span<double* const> sums) {
  for (size_t i = 0; i < plan.lines.size(); ++i) {
    AddLineRounds(plan, i, first, 0, count, sums[plan.lines[i].alternative]);
  }
}

#ifdef SAMSPILL_DECISION_AVX2

bool CanRunAvx2() { return __builtin_cpu_supports("avx2"); }

__attribute__((target("avx2"))) void AddRoundsAvx2(const DrawPlan& plan, uint64_t first,
                                                   size_t count, std::span<double* const> sums) {
  const uint64_t n = plan.lines.size();
  const size_t whole = count - count % 4;
  const __m256d one = _mm256_set1_pd(1.0);
  for (size_t i = 0; i < plan.lines.size(); ++i) {
    const PlannedLine& line = plan.lines[i];
    double* sum = sums[line.alternative];
    // Lane k holds the state of round first + k; all four move four rounds a step.
    const uint64_t step = n * kSplitMix64Increment;
    const uint64_t start = plan.seed + (first * n + i + 1) * kSplitMix64Increment;
    __m256i state = _mm256_set_epi64x(
        static_cast<int64_t>(start + 3 * step), static_cast<int64_t>(start + 2 * step),
        static_cast<int64_t>(start + step), static_cast<int64_t>(start));
    const __m256i step4 = _mm256_set1_epi64x(static_cast<int64_t>(4 * step));
    if (line.groups == 1) {
      const __m256d shape = _mm256_set1_pd(line.shape);
      const __m256d rest = _mm256_set1_pd(line.rest);
      const __m256d offset = _mm256_set1_pd(line.offset);
      const __m256d scale = _mm256_set1_pd(line.scale);
      for (size_t d = 0; d < whole; d += 4) {
        const __m256d u = Uniform4(SplitMix64Output4(state));
        state = _mm256_add_epi64(state, step4);
        const __m256d below = _mm256_cmp_pd(u, shape, _CMP_LT_OQ);
        const __m256d arg = _mm256_blendv_pd(_mm256_mul_pd(_mm256_sub_pd(one, u), rest),
                                             _mm256_mul_pd(u, shape), below);
        const __m256d s = _mm256_sqrt_pd(arg);
        const __m256d q = _mm256_blendv_pd(_mm256_sub_pd(one, s), s, below);
        const __m256d value = _mm256_add_pd(offset, _mm256_mul_pd(scale, q));
        _mm256_storeu_pd(sum + d, _mm256_add_pd(_mm256_loadu_pd(sum + d), value));
      }
    } else {
      const double* shapes = plan.shapes.data() + line.shapes_at;
      const double* table = plan.tables.data() + line.table_at;
      for (size_t d = 0; d < whole; d += 4) {
        const __m256d u = Uniform4(SplitMix64Output4(state));
        state = _mm256_add_epi64(state, step4);
        const __m256d s1 = _mm256_sqrt_pd(u);
        const __m256d s2 = _mm256_sqrt_pd(_mm256_sub_pd(one, u));
        // The shapes ascend, so the lanes past c_k form a prefix and the last one chosen is j.
        __m256d a = _mm256_broadcast_sd(table);
        __m256d b = _mm256_broadcast_sd(table + 1);
        __m256d c = _mm256_broadcast_sd(table + 2);
        for (uint32_t k = 0; k < line.groups; ++k) {
          const __m256d past = _mm256_cmp_pd(_mm256_broadcast_sd(shapes + k), u, _CMP_LE_OQ);
          const double* t = table + 3 * (k + 1);
          a = _mm256_blendv_pd(a, _mm256_broadcast_sd(t), past);
          b = _mm256_blendv_pd(b, _mm256_broadcast_sd(t + 1), past);
          c = _mm256_blendv_pd(c, _mm256_broadcast_sd(t + 2), past);
        }
        const __m256d value =
            _mm256_add_pd(_mm256_sub_pd(a, _mm256_mul_pd(s2, b)), _mm256_mul_pd(s1, c));
        _mm256_storeu_pd(sum + d, _mm256_add_pd(_mm256_loadu_pd(sum + d), value));
      }
    }
    if (whole < count) {
      _mm256_zeroupper();
      AddLineRounds(plan, i, first, whole, count, sum);
    }
  }
  // The caller's SSE code must not find the upper halves of the vector registers in use: they
  // make every later scalar instruction wait on them (GCC adds no vzeroupper to a function
  // compiled for AVX by attribute). Measured: the benchmarks after this one ran 2–3× slower.
  _mm256_zeroupper();
}

// The same with eight rounds a step: AVX-512's 64-bit multiply and conversion to double (both
// exact here: the 53 bits fit a double), and masks where AVX2 blends.
__attribute__((target("avx512f,avx512dq"))) void AddRoundsAvx512(const DrawPlan& plan,
                                                                 uint64_t first, size_t count,
                                                                 std::span<double* const> sums) {
  const uint64_t n = plan.lines.size();
  const size_t whole = count - count % 8;
  const __m512d one = _mm512_set1_pd(1.0);
  for (size_t i = 0; i < plan.lines.size(); ++i) {
    const PlannedLine& line = plan.lines[i];
    double* sum = sums[line.alternative];
    const uint64_t step = n * kSplitMix64Increment;
    const uint64_t start = plan.seed + (first * n + i + 1) * kSplitMix64Increment;
    __m512i state =
        _mm512_add_epi64(_mm512_set1_epi64(static_cast<int64_t>(start)),
                         _mm512_mullo_epi64(_mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0),
                                            _mm512_set1_epi64(static_cast<int64_t>(step))));
    const __m512i step8 = _mm512_set1_epi64(static_cast<int64_t>(8 * step));
    if (line.groups == 1) {
      const __m512d shape = _mm512_set1_pd(line.shape);
      const __m512d rest = _mm512_set1_pd(line.rest);
      const __m512d offset = _mm512_set1_pd(line.offset);
      const __m512d scale = _mm512_set1_pd(line.scale);
      for (size_t d = 0; d < whole; d += 8) {
        const __m512d u = Uniform8(SplitMix64Output8(state));
        state = _mm512_add_epi64(state, step8);
        const __mmask8 below = _mm512_cmp_pd_mask(u, shape, _CMP_LT_OQ);
        const __m512d arg =
            _mm512_mask_mul_pd(_mm512_mul_pd(_mm512_sub_pd(one, u), rest), below, u, shape);
        const __m512d s = _mm512_sqrt_pd(arg);
        const __m512d q = _mm512_mask_mov_pd(_mm512_sub_pd(one, s), below, s);
        const __m512d value = _mm512_add_pd(offset, _mm512_mul_pd(scale, q));
        _mm512_storeu_pd(sum + d, _mm512_add_pd(_mm512_loadu_pd(sum + d), value));
      }
    } else {
      const double* shapes = plan.shapes.data() + line.shapes_at;
      const double* table = plan.tables.data() + line.table_at;
      for (size_t d = 0; d < whole; d += 8) {
        const __m512d u = Uniform8(SplitMix64Output8(state));
        state = _mm512_add_epi64(state, step8);
        const __m512d s1 = _mm512_sqrt_pd(u);
        const __m512d s2 = _mm512_sqrt_pd(_mm512_sub_pd(one, u));
        __m512d a = _mm512_set1_pd(table[0]);
        __m512d b = _mm512_set1_pd(table[1]);
        __m512d c = _mm512_set1_pd(table[2]);
        for (uint32_t k = 0; k < line.groups; ++k) {
          const __mmask8 past = _mm512_cmp_pd_mask(_mm512_set1_pd(shapes[k]), u, _CMP_LE_OQ);
          const double* t = table + 3 * (k + 1);
          a = _mm512_mask_mov_pd(a, past, _mm512_set1_pd(t[0]));
          b = _mm512_mask_mov_pd(b, past, _mm512_set1_pd(t[1]));
          c = _mm512_mask_mov_pd(c, past, _mm512_set1_pd(t[2]));
        }
        const __m512d value =
            _mm512_add_pd(_mm512_sub_pd(a, _mm512_mul_pd(s2, b)), _mm512_mul_pd(s1, c));
        _mm512_storeu_pd(sum + d, _mm512_add_pd(_mm512_loadu_pd(sum + d), value));
      }
    }
    if (whole < count) {
      _mm256_zeroupper();
      AddLineRounds(plan, i, first, whole, count, sum);
    }
  }
  _mm256_zeroupper();  // as in AddRoundsAvx2()
}

bool CanRunAvx512() {
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
}

#if !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#else

bool CanRunAvx2() { return false; }

bool CanRunAvx512() { return false; }

void AddRoundsAvx512(const DrawPlan& plan, uint64_t first, size_t count,
                     std::span<double* const> sums) {
  AddRoundsPortable(plan, first, count, sums);
}

void AddRoundsAvx2(const DrawPlan& plan, uint64_t first, size_t count,
                   std::span<double* const> sums) {
  AddRoundsPortable(plan, first, count, sums);
}

#endif  // SAMSPILL_DECISION_AVX2

}  // namespace samspill::decision
