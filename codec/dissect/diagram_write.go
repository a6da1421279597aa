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
	fmt.Fprintf(bw, f.Lang.say("Frame %d: %d bytes on wire, %d bytes captured", "프레임 %d: 회선상 %d바이트, 캡처 %d바이트"), f.Number, f.Len, f.CapLen)
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
		d.Lang = f.Lang
		fmt.Fprintf(bw, "%s (%s)\n", d.Title, diagramBytes(d.Bytes, d.Lang))
		bw.WriteString(d.ASCII())
		if d.Cut {
			fmt.Fprintf(bw, f.Lang.say("[... cut after %d rows]\n", "[... %d행 이후 생략]\n"), MaxDiagramRows)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
