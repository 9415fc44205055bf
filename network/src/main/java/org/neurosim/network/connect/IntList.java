package org.neurosim.network.connect;

import java.util.Arrays;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.Connections;

/** A growable int array for the targets of a connection rule. */
final class IntList {
    int[] a;
    int size;

    IntList(long capacity) {
        a = new int[(int) Math.max(16, Math.min(Connections.MAX, capacity))];
    }

    void add(int v, String key) {
        if (size == a.length) {
            if (a.length >= Connections.MAX) {
                throw new InvalidInputException(key + ": more than " + Connections.MAX
                        + " synapses in one projection are not supported");
            }
            a = Arrays.copyOf(a, (int) Math.min(Connections.MAX, 2L * a.length));
        }
        a[size++] = v;
    }

    int[] toArray() {
        return size == a.length ? a : Arrays.copyOf(a, size);
    }
}
