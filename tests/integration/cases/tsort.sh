# tsort: topological sort of dependency pairs, cycles.
printf 'a b\nb c\na d\nd c\nc e\n' | t tsort
printf 'x y\ny z\nz x\n' | t tsort
