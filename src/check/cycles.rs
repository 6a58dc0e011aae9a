//! Cycles in a directed graph, for `depends_on` (E013): Tarjan's strongly
//! connected components with an explicit stack, then one shortest cycle
//! through the first node of each component. Linear in nodes plus edges and
//! without recursion, so a chain of 100 000 initiatives cannot overflow the
//! stack.

/// One cycle per strongly connected component that has one (a component of
/// two or more nodes, or a node with an edge to itself). Each cycle is the
/// list of its nodes `[a, b, c]`, meaning `a → b → c → a`; it starts at the
/// component's smallest node, and the cycles come in the order of those.
/// Edges to nodes outside `0..adj.len()` are ignored.
pub(crate) fn cycles(adj: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = adj.len();
    let comp = components(adj);
    // The smallest node of each component and whether it has a cycle.
    let count = comp.iter().copied().max().map_or(0, |m| m + 1);
    let mut first = vec![usize::MAX; count];
    let mut size = vec![0usize; count];
    for (v, &c) in comp.iter().enumerate() {
        first[c] = first[c].min(v);
        size[c] += 1;
    }
    let mut starts: Vec<usize> = (0..count)
        .filter(|&c| size[c] > 1 || adj[first[c]].contains(&first[c]))
        .map(|c| first[c])
        .collect();
    starts.sort_unstable();

    // Breadth-first search inside the component from its first node until an
    // edge leads back to it; components are disjoint, so every node is
    // visited at most once over all of them.
    let mut parent = vec![usize::MAX; n];
    let mut seen = vec![false; n];
    let mut out = Vec::with_capacity(starts.len());
    for start in starts {
        let c = comp[start];
        let mut queue = std::collections::VecDeque::from([start]);
        seen[start] = true;
        let mut last = None;
        'search: while let Some(u) = queue.pop_front() {
            for &w in &adj[u] {
                if w == start {
                    last = Some(u);
                    break 'search;
                }
                if w < n && comp[w] == c && !seen[w] {
                    seen[w] = true;
                    parent[w] = u;
                    queue.push_back(w);
                }
            }
        }
        let Some(mut u) = last else { continue };
        let mut cycle = vec![u];
        while u != start {
            u = parent[u];
            cycle.push(u);
        }
        cycle.reverse();
        out.push(cycle);
    }
    out
}

/// The strongly connected component of each node (iterative Tarjan).
fn components(adj: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = adj.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut calls: Vec<(usize, usize)> = Vec::new();
    let mut next = 0usize;
    let mut comps = 0usize;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        calls.push((root, 0));
        while let Some(&mut (v, ref mut edge)) = calls.last_mut() {
            if let Some(&w) = adj[v].get(*edge) {
                *edge += 1;
                if w >= n {
                    continue;
                }
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = comps;
                    if w == v {
                        break;
                    }
                }
                comps += 1;
            }
        }
    }
    comp
}
