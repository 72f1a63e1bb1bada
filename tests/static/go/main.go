// A static Go program (CGO_ENABLED=0): Go makes every system call itself,
// starts its threads with raw clone, handles signals on its own stacks
// and finds its files through os.Executable (a raw readlink of
// /proc/self/exe). Run natively and through the shim, the outputs must be
// equal; the directory it lists is given as an argument, so that through
// the shim it can be one that exists only under the prefix.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

func main() {
	exe, err := os.Executable()
	if err != nil {
		fmt.Println("os.Executable:", err)
		os.Exit(1)
	}
	fmt.Println("executable:", filepath.Base(exe))
	data, err := os.ReadFile(filepath.Join(filepath.Dir(exe), "beside.txt"))
	fmt.Printf("beside: %q %v\n", string(data), err)

	if len(os.Args) > 1 {
		entries, err := os.ReadDir(os.Args[1])
		names := []string{}
		for _, e := range entries {
			names = append(names, e.Name())
		}
		sort.Strings(names)
		fmt.Println("dir:", names, err)
	}

	var wg sync.WaitGroup
	results := make([]int, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			t := time.NewTimer(time.Duration(i%4) * time.Millisecond)
			<-t.C
			results[i] = i * i
		}(i)
	}
	wg.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println("goroutines:", sum)

	ticker := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range ticker.C {
		n++
		if n == 5 {
			break
		}
	}
	ticker.Stop()
	fmt.Println("ticks:", n)
}
