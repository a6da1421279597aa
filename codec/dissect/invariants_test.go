package dissect

import (
	"fmt"
	"strings"
)

// checkTree verifies what the web page and the CLI rely on for any frame:
// every node's bytes lie inside the buffer it points into, sub-byte masks
// fit their field, notes point inside the frame's buffers, and the JSON
// record marshals. It returns the first violation.
func checkTree(f *Frame) error {
	size := func(src int) int {
		if src == 0 {
			return len(f.Data)
		}
		if src > len(f.Sources) {
			return -1
		}
		return len(f.Sources[src-1].Data)
	}
	var walk func(ns []*Node, path string) error
	walk = func(ns []*Node, path string) error {
		for _, n := range ns {
			p := path + "/" + n.Label
			sz := size(n.Source)
			if sz < 0 {
				return fmt.Errorf("%s: source %d does not exist", p, n.Source)
			}
			if n.Offset < 0 || n.Length < 0 || n.Offset+n.Length > sz {
				return fmt.Errorf("%s: bytes %d+%d outside the %d-byte buffer", p, n.Offset, n.Length, sz)
			}
			if n.Mask != 0 && (n.Length == 0 || n.Length > 4 || n.Length < 4 && n.Mask>>(8*uint(n.Length)) != 0) {
				return fmt.Errorf("%s: mask 0x%x does not fit %d bytes", p, n.Mask, n.Length)
			}
			if n.Label == "" {
				return fmt.Errorf("%s: empty label", p)
			}
			for _, nt := range n.Notes {
				if nt.Message == "" || nt.Offset < 0 {
					return fmt.Errorf("%s: note %+v", p, nt)
				}
			}
			if err := walk(n.Kids, p); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(f.Root, ""); err != nil {
		return err
	}
	if len(f.Root) == 0 && len(f.Data) > 0 {
		return fmt.Errorf("no node for %d bytes", len(f.Data))
	}
	if strings.TrimSpace(f.Summary) == "" {
		return fmt.Errorf("empty summary")
	}
	return nil
}
