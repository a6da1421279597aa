package dissect

import (
	"bufio"
	"fmt"
	"io"
	"time"
)

// WriteDiagrams writes every header of a frame as RFC-style ASCII art (what
// `icmplab decode --format diagram` prints): the frame's line, then each
// header's name and size over its drawing.
func WriteDiagrams(w io.Writer, f *Frame) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Frame %d: %d bytes on wire, %d bytes captured", f.Number, f.Len, f.CapLen)
	if !f.Time.IsZero() {
		fmt.Fprintf(bw, ", %s", f.Time.UTC().Format(time.RFC3339Nano))
	}
	if f.Summary != "" {
		fmt.Fprintf(bw, "\n%s", f.Summary)
	}
	bw.WriteString("\n\n")
	for _, p := range HeaderPaths(f.Root) {
		d, ok := DiagramAt(f.Root, p)
		if !ok {
			continue
		}
		fmt.Fprintf(bw, "%s (%s)\n", d.Title, byteCount(d.Bytes))
		bw.WriteString(d.ASCII())
		if d.Cut {
			fmt.Fprintf(bw, "[... cut after %d rows]\n", MaxDiagramRows)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
