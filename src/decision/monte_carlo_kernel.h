// The inner loop of MonteCarlo() (business_case.h, the module's front door): a case's counted
// lines prepared once as a DrawPlan, and the rounds of a block of draws added to per-round sums.
// Three kernels: a portable one, and on x86-64 processors with AVX2 or AVX-512 ones that make
// four or eight rounds at a time and give the same sums to the last bit (the same operations on the
// same doubles in the same order, no fused multiply-add: the library is built with
// -ffp-contract=off). Internal to the decision module. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace samspill::decision {

// One line (an alternative's item of one name and kind over its years), as a function of the
// uniform u ∈ [0, 1) drawn for it in a round: the present value of its years' triangular
// quantiles at u.
//
// A line whose years have one shape (the mode at the same place between low and high) is
// offset + scale · Q(u), Q the quantile of the unit triangle with its mode at `shape`: one
// square root a round. Otherwise its years fall into K = `groups` shapes c₀ ≤ … ≤ c_{K−1} with
// weights W_k (Σ discount · (high − low) of the group's years), and with j = #{k : c_k ≤ u}:
//   Σ_k W_k Q_k(u) = A_j − √(1 − u) · B_j + √u · C_j,
//   A_j = offset + Σ_{k<j} W_k,  B_j = Σ_{k<j} W_k √(1 − c_k),  C_j = Σ_{k≥j} W_k √c_k,
// two square roots a round however many years move.
struct PlannedLine {
  uint32_t alternative = 0;
  uint32_t groups = 1;
  double shape = 0.5, rest = 0.5;  // c and 1 − c (one shape)
  double offset = 0, scale = 0;    // one shape
  size_t shapes_at = 0;            // K > 1: DrawPlan::shapes[shapes_at …], K of them
  size_t table_at = 0;  // K > 1: DrawPlan::tables[table_at …]: A_j, B_j, C_j for j = 0 … K
};

struct DrawPlan {
  uint64_t seed = 0;
  std::vector<PlannedLine> lines;  // line i uses draw d · lines.size() + i in round d
  std::vector<double> shapes;
  std::vector<double> tables;
};

// SplitMix64's output for a state (the state after its increment).
inline uint64_t SplitMix64Output(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
inline constexpr uint64_t kSplitMix64Increment = 0x9e3779b97f4a7c15ULL;

// Adds, for each round d in [first, first + count) and each line i in order, the line's value at
// draw d · lines + i to sums[line.alternative][d − first].
void AddRoundsPortable(const DrawPlan& plan, uint64_t first, size_t count,
                       std::span<double* const> sums);

// Whether this build and processor run AddRoundsAvx2().
bool CanRunAvx2();

// AddRoundsPortable()'s sums, bit for bit, four rounds at a time. Only when CanRunAvx2().
void AddRoundsAvx2(const DrawPlan& plan, uint64_t first, size_t count,
                   std::span<double* const> sums);

// Whether this build and processor run AddRoundsAvx512() (AVX-512 F and DQ).
bool CanRunAvx512();

// AddRoundsPortable()'s sums, bit for bit, eight rounds at a time. Only when CanRunAvx512().
void AddRoundsAvx512(const DrawPlan& plan, uint64_t first, size_t count,
                     std::span<double* const> sums);

}  // namespace samspill::decision
