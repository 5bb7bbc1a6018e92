package nutriplan.planner.timefold;

import java.util.Arrays;

/** The indices of the k largest of n keys, largest first, in O(n log k): a catalog of 10,000 is not sorted whole. */
final class TopK {

    private TopK() {
    }

    /**
     * @param positiveOnly leave out keys ≤ 0 (products that do not supply the nutrient at all)
     * @return indices by decreasing key, ties by increasing index; at most k
     */
    static int[] largest(double[] keys, int k, boolean positiveOnly) {
        // A min-heap of the best k so far: its root is the weakest kept.
        var heap = new int[Math.max(0, Math.min(k, keys.length))];
        int size = 0;
        for (int i = 0; i < keys.length; i++) {
            if (positiveOnly && !(keys[i] > 0)) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = i;
                siftUp(heap, keys, size++);
            } else if (size > 0 && better(keys, i, heap[0])) {
                heap[0] = i;
                siftDown(heap, keys, size);
            }
        }
        var result = Arrays.stream(heap, 0, size).boxed()
                .sorted((a, b) -> better(keys, a, b) ? -1 : better(keys, b, a) ? 1 : 0)
                .mapToInt(Integer::intValue).toArray();
        return result;
    }

    /** a ranks before b: a larger key, or the same key and a smaller index. */
    private static boolean better(double[] keys, int a, int b) {
        return keys[a] > keys[b] || (keys[a] == keys[b] && a < b);
    }

    private static void siftUp(int[] heap, double[] keys, int position) {
        while (position > 0) {
            int parent = (position - 1) / 2;
            if (!better(keys, heap[parent], heap[position])) {
                break;
            }
            swap(heap, parent, position);
            position = parent;
        }
    }

    private static void siftDown(int[] heap, double[] keys, int size) {
        int position = 0;
        while (true) {
            int left = 2 * position + 1;
            int right = left + 1;
            int weakest = position;
            if (left < size && better(keys, heap[weakest], heap[left])) {
                weakest = left;
            }
            if (right < size && better(keys, heap[weakest], heap[right])) {
                weakest = right;
            }
            if (weakest == position) {
                return;
            }
            swap(heap, position, weakest);
            position = weakest;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int tmp = heap[a];
        heap[a] = heap[b];
        heap[b] = tmp;
    }
}
