package ping

import (
	"fmt"
	"io"
	"sync"
)

// Output is the stdout and stderr shared by the sinks of concurrent
// pingers. Each call writes one whole piece, so lines of different targets
// interleave but never mix.
type Output struct {
	mu          sync.Mutex
	out, errOut io.Writer
}

// NewOutput wraps the process's stdout and stderr.
func NewOutput(stdout, stderr io.Writer) *Output { return &Output{out: stdout, errOut: stderr} }

func (o *Output) write(s string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	io.WriteString(o.out, s)
}

func (o *Output) writeErr(s string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	io.WriteString(o.errOut, s)
}

func (o *Output) writeBytes(b []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.out.Write(b)
}

// Errorf writes a formatted message to stderr, between other writes.
func (o *Output) Errorf(format string, a ...any) { o.writeErr(fmt.Sprintf(format, a...)) }
