package io.cellnet.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Package dependencies ("{@code from} uses a type of {@code to}") and the package cycles among
 * them.
 */
final class PackageGraph {
    /** One dependency between two different packages. */
    record Edge(String from, String to) {
        Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    private final Map<String, Set<String>> targets = new TreeMap<>();

    PackageGraph(Collection<Edge> edges) {
        for (Edge e : edges) {
            targets.computeIfAbsent(e.from(), k -> new TreeSet<>()).add(e.to());
            targets.computeIfAbsent(e.to(), k -> new TreeSet<>());
        }
    }

    /**
     * The package cycles: each group of packages that all reach one another (a strongly connected
     * component of more than one package), sorted, in a stable order.
     */
    List<List<String>> cycles() {
        return new Tarjan().run();
    }

    /** Tarjan's strongly connected components, iterative so that depth never matters. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> components = new ArrayList<>();
        private int next;

        List<List<String>> run() {
            for (String p : targets.keySet()) {
                if (!index.containsKey(p)) {
                    visit(p);
                }
            }
            components.sort((a, b) -> a.get(0).compareTo(b.get(0)));
            return components;
        }

        private void visit(String root) {
            Deque<Map.Entry<String, List<String>>> work = new ArrayDeque<>();
            enter(root, work);
            while (!work.isEmpty()) {
                Map.Entry<String, List<String>> frame = work.peek();
                String p = frame.getKey();
                List<String> pending = frame.getValue();
                if (!pending.isEmpty()) {
                    String q = pending.remove(pending.size() - 1);
                    if (!index.containsKey(q)) {
                        enter(q, work);
                    } else if (onStack.contains(q)) {
                        low.put(p, Math.min(low.get(p), index.get(q)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(p)));
                }
                if (low.get(p).equals(index.get(p))) {
                    List<String> component = new ArrayList<>();
                    String q;
                    do {
                        q = stack.pop();
                        onStack.remove(q);
                        component.add(q);
                    } while (!q.equals(p));
                    if (component.size() > 1) {
                        component.sort(null);
                        components.add(component);
                    }
                }
            }
        }

        private void enter(String p, Deque<Map.Entry<String, List<String>>> work) {
            index.put(p, next);
            low.put(p, next);
            next++;
            stack.push(p);
            onStack.add(p);
            work.push(Map.entry(p, new ArrayList<>(targets.get(p))));
        }
    }
}
