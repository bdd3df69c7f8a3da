#ifndef CHUSK_KERNELS_H
#define CHUSK_KERNELS_H

#include <stdint.h>

/// One inner node of a complete tree: go right when x[feature] >= threshold.
/// Same layout as TreeModel.Split (two 4-byte fields).
typedef struct {
    int32_t feature;
    float threshold;
} husk_split;

/// The rows this processor's vector tree kernel scores at once: 16 with AVX-512, 8 with AVX2
/// (x86-64), else 0 (no kernel).
int husk_tree_kernel_available(void);

/// Adds, for each of `count` rows, the leaves of `trees` complete depth-4 trees to
/// `scores[j]` (one Double per row, tree by tree in order, as the scalar walk adds them).
/// Row j's features are x[rows[j] * width ..< rows[j] * width + width]; tree t's 15 splits are
/// splits[t * 15 ..< t * 15 + 15] in heap order and its 16 leaves leaves[t * 16 ..< t * 16 + 16].
/// `lanes` picks the kernel: 16 (AVX-512), 8 (AVX2) or 0 for the widest this processor has.
/// Returns 0, doing nothing, when that kernel is not available (or out of memory).
int husk_tree_scores_depth4(const float *x, long width, const long *rows, long count,
                            const husk_split *splits, const float *leaves, long trees,
                            double *scores, int lanes);

#endif
