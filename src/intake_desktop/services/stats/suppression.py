"""Small-cell suppression: which counts are hidden, and which more must be hidden so none can be worked out."""

from __future__ import annotations

from typing import Iterable, Sequence

from intake_desktop.services.stats.labels import PRIMARY, SECONDARY, SMALL_MAX

# Suppression

class _Var:
    __slots__ = ("value", "state", "margin", "order", "constraints")

    def __init__(self, value: int, margin: bool, order: int) -> None:
        self.value = value
        self.margin = margin
        self.order = order
        self.state = PRIMARY if 1 <= value <= SMALL_MAX else ""
        self.constraints: set[int] = set()


class _Population:
    """The published numbers of one population and the sums that tie them together.

    One-way tables share the population total (their cells each add up to it). A two-way table
    is alone in its population: cells add up to row totals and column totals, which add up to
    the total. `feasible(var, value)` says whether a reader of the published report could not
    rule out `var == value`, knowing every published number, that "<5" means 1–4, that "*"
    means 5 or more, and that 0 means 0.
    """

    def __init__(self, total: int) -> None:
        self.vars: list[_Var] = []
        self.total = self._var(total, margin=True)
        self.one_way: list[list[_Var]] = []
        self.two_way: tuple[list[list[_Var]], list[_Var], list[_Var]] | None = None
        self._constraints = 0
        self.big = 10 * (total + SMALL_MAX + 1)  # above any count here: a bound the reader may assume

    def _var(self, value: int, margin: bool = False) -> _Var:
        var = _Var(value, margin, len(self.vars))
        self.vars.append(var)
        return var

    def _tie(self, members: Iterable[_Var]) -> None:
        self._constraints += 1
        for var in members:
            var.constraints.add(self._constraints)

    def add_one_way(self, counts: Sequence[int]) -> list[_Var]:
        assert self.two_way is None
        cells = [self._var(c) for c in counts]
        self._tie([self.total, *cells])
        self.one_way.append(cells)
        return cells

    def add_two_way(self, counts: Sequence[Sequence[int]],
                    n_columns: int) -> tuple[list[list[_Var]], list[_Var], list[_Var]]:
        assert self.two_way is None and not self.one_way
        cells = [[self._var(c) for c in row] for row in counts]
        rows = [self._var(sum(row), margin=True) for row in counts]
        columns = [self._var(sum(row[j] for row in counts), margin=True) for j in range(n_columns)]
        for i, row in enumerate(cells):
            self._tie([rows[i], *row])
        for j, column in enumerate(columns):
            self._tie([column, *(row[j] for row in cells)])
        self._tie([self.total, *rows])
        self._tie([self.total, *columns])
        self.two_way = (cells, rows, columns)
        return self.two_way

    # -- what a reader can deduce ----------------------------------------------------------------
    def _bounds(self, var: _Var, fixed: _Var | None, value: int) -> tuple[int, int]:
        if var is fixed:
            return value, value
        if var.state == PRIMARY:
            return 1, SMALL_MAX
        if var.state == SECONDARY:
            return SMALL_MAX + 1, self.big
        return var.value, var.value

    def feasible(self, fixed: _Var, value: int) -> bool:
        bounds = lambda var: self._bounds(var, fixed, value)  # noqa: E731
        if self.two_way is not None:
            return _two_way_feasible(*self.two_way, self.total, bounds)
        low, high = bounds(self.total)
        for cells in self.one_way:  # every table must reach the same total
            low = max(low, sum(bounds(c)[0] for c in cells))
            high = min(high, sum(bounds(c)[1] for c in cells))
        return low <= high

    def possible_small(self, var: _Var) -> int:
        return sum(self.feasible(var, v) for v in range(1, SMALL_MAX + 1))

    def protected(self, var: _Var) -> bool:
        # The feasible values of one count form an interval (one-way: a sum of boxes; two-way: a
        # network-flow polytope), so both ends being possible means every value 1..4 is.
        return self.feasible(var, 1) and self.feasible(var, SMALL_MAX)

    # -- complementary suppression ------------------------------------------------------------------
    def suppress(self) -> None:
        self._add_secondaries()
        # The greedy pass may hide more than needed (an early pick made redundant by a later
        # one): show again every "*" whose hiding no longer protects anything, largest first.
        for var in sorted((v for v in self.vars if v.state == SECONDARY), key=lambda v: (-v.value, v.order)):
            var.state = ""
            if not all(self.protected(v) for v in self.vars if v.state == PRIMARY):
                var.state = SECONDARY

    def _add_secondaries(self) -> None:
        while True:
            exposed = next((v for v in self.vars if v.state == PRIMARY and not self.protected(v)), None)
            if exposed is None:
                return
            candidates = [v for v in self.vars if v.state == "" and v.value > 0]
            if not candidates:
                return  # every non-zero number is hidden already: nothing more can be withheld
            candidates.sort(key=lambda v: (not (v.constraints & exposed.constraints), v.margin, v.value, v.order))
            chosen = None
            for candidate in candidates:
                candidate.state = SECONDARY
                fixed = self.protected(exposed)
                candidate.state = ""
                if fixed:
                    chosen = candidate
                    break
            if chosen is None:  # no single cell is enough: take the one that helps most, then go on
                best = -1
                for candidate in candidates:
                    candidate.state = SECONDARY
                    gain = self.possible_small(exposed)
                    candidate.state = ""
                    if gain > best:
                        best, chosen = gain, candidate
            chosen.state = SECONDARY


def _two_way_feasible(cells, rows, columns, total, bounds) -> bool:
    """Is there a table of integers within `bounds` whose rows, columns and total add up?

    The table is a circulation: source -> row i (row total), row i -> column j (cell),
    column j -> sink (column total), sink -> source (grand total). A circulation with lower and
    upper bounds exists iff a max flow saturates the lower bounds' demands (Hoffman).
    """
    n_rows, n_cols = len(rows), len(columns)
    source, sink = 0, n_rows + n_cols + 1
    edges = [(source, 1 + i, bounds(rows[i])) for i in range(n_rows)]
    edges += [(1 + i, 1 + n_rows + j, bounds(cells[i][j])) for i in range(n_rows) for j in range(n_cols)]
    edges += [(1 + n_rows + j, sink, bounds(columns[j])) for j in range(n_cols)]
    edges.append((sink, source, bounds(total)))
    nodes = sink + 3
    super_source, super_sink = sink + 1, sink + 2
    excess = [0] * nodes
    graph = _FlowGraph(nodes)
    for u, v, (low, high) in edges:
        if low > high:
            return False
        if high > low:
            graph.add(u, v, high - low)
        excess[v] += low
        excess[u] -= low
    need = 0
    for node, amount in enumerate(excess):
        if amount > 0:
            graph.add(super_source, node, amount)
            need += amount
        elif amount < 0:
            graph.add(node, super_sink, -amount)
    return graph.max_flow(super_source, super_sink) == need


class _FlowGraph:
    """Edmonds–Karp on a handful of nodes (a partner-by-status table)."""

    def __init__(self, nodes: int) -> None:
        self.adjacent: list[list[int]] = [[] for _ in range(nodes)]
        self.to: list[int] = []
        self.capacity: list[int] = []

    def add(self, u: int, v: int, capacity: int) -> None:
        self.adjacent[u].append(len(self.to))
        self.to.append(v)
        self.capacity.append(capacity)
        self.adjacent[v].append(len(self.to))
        self.to.append(u)
        self.capacity.append(0)

    def max_flow(self, source: int, sink: int) -> int:
        flow = 0
        while True:
            via = [-1] * len(self.adjacent)
            via[source] = -2
            queue = [source]
            for u in queue:
                for e in self.adjacent[u]:
                    v = self.to[e]
                    if via[v] == -1 and self.capacity[e] > 0:
                        via[v] = e
                        queue.append(v)
                if via[sink] != -1:
                    break
            if via[sink] == -1:
                return flow
            push, v = None, sink
            while v != source:
                e = via[v]
                push = self.capacity[e] if push is None else min(push, self.capacity[e])
                v = self.to[e ^ 1]
            v = sink
            while v != source:
                e = via[v]
                self.capacity[e] -= push
                self.capacity[e ^ 1] += push
                v = self.to[e ^ 1]
            flow += push


