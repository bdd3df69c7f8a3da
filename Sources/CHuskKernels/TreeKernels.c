// Evaluates complete depth-4 trees for sixteen rows at once with AVX-512, or eight with AVX2.
//
// Every inner node of a tree is tested for all the group's rows, and each test clears, per row,
// the leaves on the side it did not take: of the 16 leaf bits only the reached leaf survives all
// 15 tests (a leaf off the path is cleared where its path parts from the row's). One comparison
// instruction per node for the whole group, and no chain of dependent loads, replace four
// dependent steps per row. The scalar walk in TreeModel.swift stays the reference: tests compare
// the two bit for bit.

#include "CHuskKernels.h"

#include <stdlib.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define HUSK_KERNEL_X86 1
#endif

#ifdef HUSK_KERNEL_X86

int husk_tree_kernel_available(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return 16;
    return __builtin_cpu_supports("avx2") ? 8 : 0;
}

/// Leaf bits a node keeps: going left keeps its left half and every leaf outside its subtree.
static void node_masks(int32_t keepLeft[15], int32_t keepRight[15]) {
    for (int k = 0; k < 15; k++) {
        int level = k >= 7 ? 3 : k >= 3 ? 2 : k >= 1 ? 1 : 0;
        int position = k - ((1 << level) - 1);
        int span = 16 >> level;
        int half = span / 2;
        int32_t left = ((1 << half) - 1) << (position * span);
        int32_t right = left << half;
        keepLeft[k] = 0xFFFF & ~right;
        keepRight[k] = 0xFFFF & ~left;
    }
}

__attribute__((target("avx2")))
static void score_group(const float *columns, const husk_split *splits /* feature as byte offset */, const float *leaves, long trees,
                        const int32_t keepLeft[15], const int32_t keepRight[15], double sums[8]) {
    __m256i left[15], right[15];
    for (int k = 0; k < 15; k++) {
        left[k] = _mm256_set1_epi32(keepLeft[k]);
        right[k] = _mm256_set1_epi32(keepRight[k]);
    }
    __m256d low = _mm256_loadu_pd(sums);
    __m256d high = _mm256_loadu_pd(sums + 4);
    const __m256i all = _mm256_set1_epi32(0xFFFF);
    const __m256i bias = _mm256_set1_epi32(127);
    for (long t = 0; t < trees; t++) {
        const husk_split *split = splits + t * 15;
        __m256i alive = all;
#pragma clang loop unroll(full)
        for (int k = 0; k < 15; k++) {
            __m256 value = _mm256_loadu_ps((const float *)((const char *)columns + split[k].feature));
            __m256 right_taken = _mm256_cmp_ps(value, _mm256_set1_ps(split[k].threshold), _CMP_GE_OQ);
            __m256i keep = _mm256_castps_si256(
                _mm256_blendv_ps(_mm256_castsi256_ps(left[k]), _mm256_castsi256_ps(right[k]), right_taken));
            alive = _mm256_and_si256(alive, keep);
        }
        // The one bit left, as its index: a power of two up to 2^15 converts exactly to a
        // float whose exponent is that index.
        __m256i bit = _mm256_and_si256(alive, _mm256_sub_epi32(_mm256_setzero_si256(), alive));
        __m256i exponent = _mm256_srli_epi32(_mm256_castps_si256(_mm256_cvtepi32_ps(bit)), 23);
        __m256i index = _mm256_sub_epi32(exponent, bias);
        __m256 leaf = _mm256_i32gather_ps(leaves + t * 16, index, 4);
        low = _mm256_add_pd(low, _mm256_cvtps_pd(_mm256_castps256_ps128(leaf)));
        high = _mm256_add_pd(high, _mm256_cvtps_pd(_mm256_extractf128_ps(leaf, 1)));
    }
    _mm256_storeu_pd(sums, low);
    _mm256_storeu_pd(sums + 4, high);
}

__attribute__((target("avx512f")))
static void score_group16(const float *columns, const husk_split *splits /* feature as byte offset */, const float *leaves,
                          long trees, const int32_t keepLeft[15], const int32_t keepRight[15], double sums[16]) {
    __m512i left[15], right[15];
    for (int k = 0; k < 15; k++) {
        left[k] = _mm512_set1_epi32(keepLeft[k]);
        right[k] = _mm512_set1_epi32(keepRight[k]);
    }
    __m512d low = _mm512_loadu_pd(sums);
    __m512d high = _mm512_loadu_pd(sums + 8);
    const __m512i all = _mm512_set1_epi32(0xFFFF);
    const __m512i bias = _mm512_set1_epi32(127);
    for (long t = 0; t < trees; t++) {
        const husk_split *split = splits + t * 15;
        __m512i alive = all;
#pragma clang loop unroll(full)
        for (int k = 0; k < 15; k++) {
            __m512 value = _mm512_loadu_ps((const float *)((const char *)columns + split[k].feature));
            __mmask16 right_taken = _mm512_cmp_ps_mask(value, _mm512_set1_ps(split[k].threshold), _CMP_GE_OQ);
            alive = _mm512_and_si512(alive, _mm512_mask_blend_epi32(right_taken, left[k], right[k]));
        }
        __m512i bit = _mm512_and_si512(alive, _mm512_sub_epi32(_mm512_setzero_si512(), alive));
        __m512i exponent = _mm512_srli_epi32(_mm512_castps_si512(_mm512_cvtepi32_ps(bit)), 23);
        __m512i index = _mm512_sub_epi32(exponent, bias);
        __m512 leaf = _mm512_i32gather_ps(index, leaves + t * 16, 4);
        low = _mm512_add_pd(low, _mm512_cvtps_pd(_mm512_castps512_ps256(leaf)));
        high = _mm512_add_pd(high, _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(leaf), 1))));
    }
    _mm512_storeu_pd(sums, low);
    _mm512_storeu_pd(sums + 8, high);
}

int husk_tree_scores_depth4(const float *x, long width, const long *rows, long count,
                            const husk_split *splits, const float *leaves, long trees,
                            double *scores, int lanes) {
    int available = husk_tree_kernel_available();
    if (lanes == 0) lanes = available;
    if ((lanes != 8 && lanes != 16) || lanes > available || width <= 0) return 0;
    int32_t keepLeft[15], keepRight[15];
    node_masks(keepLeft, keepRight);
    // The group's features by column: x[f] of its rows side by side. Only the features some
    // split reads are laid out (the model reads about three in four), each split's as the
    // byte offset of its column: no multiply per test.
    long nodes = trees * 15;
    float *columns = malloc(sizeof(float) * (size_t)width * (size_t)lanes);
    husk_split *located = malloc(sizeof(husk_split) * (size_t)nodes);
    long *used = malloc(sizeof(long) * (size_t)width);
    int32_t *column_of = malloc(sizeof(int32_t) * (size_t)width);
    long used_count = 0;
    int done = 0;
    if (!columns || !located || !used || !column_of) goto finish;
    for (long f = 0; f < width; f++) column_of[f] = -1;
    for (long k = 0; k < nodes; k++) {
        int32_t f = splits[k].feature;
        if (f < 0 || f >= width) goto finish;
        if (column_of[f] < 0) {
            column_of[f] = (int32_t)used_count;
            used[used_count++] = f;
        }
        located[k].feature = column_of[f] * (int32_t)(lanes * (int)sizeof(float));
        located[k].threshold = splits[k].threshold;
    }
    for (long start = 0; start < count; start += lanes) {
        long n = count - start < lanes ? count - start : lanes;
        const float *row[16];
        // A short last group repeats its last row; those lanes' sums are not stored.
        for (long j = 0; j < lanes; j++) row[j] = x + rows[start + (j < n ? j : n - 1)] * width;
        for (long c = 0; c < used_count; c++) {
            float *column = columns + c * lanes;
            long f = used[c];
            for (int j = 0; j < lanes; j++) column[j] = row[j][f];
        }
        double sums[16];
        for (long j = 0; j < lanes; j++) sums[j] = scores[start + (j < n ? j : n - 1)];
        if (lanes == 16) {
            score_group16(columns, located, leaves, trees, keepLeft, keepRight, sums);
        } else {
            score_group(columns, located, leaves, trees, keepLeft, keepRight, sums);
        }
        for (long j = 0; j < n; j++) scores[start + j] = sums[j];
    }
    done = 1;
finish:
    free(located);
    free(used);
    free(column_of);
    free(columns);
    return done;
}

#else

int husk_tree_kernel_available(void) { return 0; }

int husk_tree_scores_depth4(const float *x, long width, const long *rows, long count,
                            const husk_split *splits, const float *leaves, long trees,
                            double *scores, int lanes) {
    (void)x; (void)width; (void)rows; (void)count; (void)splits; (void)leaves; (void)trees; (void)scores; (void)lanes;
    return 0;
}

#endif
