package trace

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Printer writes hops in traceroute's layout as they settle.
type Printer struct {
	W     io.Writer
	Cfg   *Config
	Names *Resolver // nil with -n
	Ext   bool      // -e

	queued  [][]HopReport // per flow, hops waiting for earlier flows to end
	current int           // flow being printed
	started []bool
}

// Header prints traceroute's first line.
func (pr *Printer) Header(size int) {
	name := pr.Cfg.Name
	if name == "" {
		name = pr.Cfg.Target.String()
	}
	fmt.Fprintf(pr.W, "traceroute to %s (%s), %d hops max, %d byte packets", name, pr.Cfg.Target, pr.Cfg.MaxHops, size)
	if pr.Cfg.Flows > 1 {
		fmt.Fprintf(pr.W, ", %d Paris flows", pr.Cfg.Flows)
	} else if pr.Cfg.Paris {
		fmt.Fprint(pr.W, ", Paris")
	}
	fmt.Fprintln(pr.W)
	pr.queued = make([][]HopReport, pr.Cfg.Flows)
	pr.started = make([]bool, pr.Cfg.Flows)
}

// Hop prints h now if its flow is the one being printed, else keeps it.
func (pr *Printer) Hop(h HopReport) {
	if h.Flow != pr.current {
		pr.queued[h.Flow] = append(pr.queued[h.Flow], h)
		return
	}
	pr.print(h)
	for h.Final && pr.current+1 < pr.Cfg.Flows {
		pr.current++
		q := pr.queued[pr.current]
		pr.queued[pr.current] = nil
		h = HopReport{}
		for _, x := range q {
			pr.print(x)
			h = x
		}
	}
}

// Flush prints whatever is still queued (an interrupted trace).
func (pr *Printer) Flush() {
	for f := pr.current; f < len(pr.queued); f++ {
		for _, h := range pr.queued[f] {
			pr.print(h)
		}
		pr.queued[f] = nil
	}
}

func (pr *Printer) print(h HopReport) {
	if pr.Cfg.Flows > 1 && !pr.started[h.Flow] {
		pr.started[h.Flow] = true
		fmt.Fprintf(pr.W, "flow %d:\n", h.Flow+1)
	}
	fmt.Fprint(pr.W, pr.Line(h), "\n")
}

// Line formats one hop as traceroute's print_probe does: the address (and
// name) before the first answer and again whenever a later probe answers
// from another address or with other extensions, "*" for no answer, the
// round trip and the unreachable mark after each answer.
func (pr *Printer) Line(h HopReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%2d ", h.TTL)
	deadline := h.Settled.Add(pr.Cfg.Wait.Max)
	var prev *Probe
	for i := range h.Probes {
		p := &h.Probes[i]
		if !p.answered() {
			b.WriteString(" *")
			continue
		}
		ext := ""
		if pr.Ext && len(p.Ext) > 0 {
			ext = formatExt(p.Ext)
		}
		if prev == nil || prev.From != p.From || (pr.Ext && formatExt(prev.Ext) != ext) {
			if pr.Names == nil {
				b.WriteString(" " + p.From.String())
			} else {
				n := pr.Names.Name(p.From, deadline)
				if n == "" {
					n = p.From.String()
				}
				b.WriteString(" " + n + " (" + p.From.String() + ")")
			}
			if ext != "" {
				b.WriteString(" <" + ext + ">")
				if t := layoutTag(p.Layout); t != "" {
					b.WriteString(" [" + t + "]")
				}
			}
		}
		prev = p
		fmt.Fprintf(&b, "  %.3f ms", float64(p.RTT())/float64(time.Millisecond))
		if p.Annot != "" {
			b.WriteString(" " + p.Annot)
		}
	}
	return b.String()
}

// Path is one distinct route found across Paris flows: the first address
// that answered at each hop ("*" when none did).
type Path struct {
	Flows []int    `json:"flows"`
	Hops  []string `json:"hops"`
}

// Paths groups the flows of a result by the route they saw.
func Paths(r *Result) []Path {
	var out []Path
	idx := map[string]int{}
	for _, f := range r.Flows {
		var hops []string
		for _, h := range f.Hops {
			a := "*"
			for _, p := range h.Probes {
				if p.answered() {
					a = p.From.String()
					break
				}
			}
			hops = append(hops, a)
		}
		k := strings.Join(hops, " ")
		if i, ok := idx[k]; ok {
			out[i].Flows = append(out[i].Flows, f.Flow+1)
			continue
		}
		idx[k] = len(out)
		out = append(out, Path{Flows: []int{f.Flow + 1}, Hops: hops})
	}
	return out
}

// Summary prints how the trace ended when it stopped short of the
// destination and the hop limit, and, with several flows, the distinct
// paths. A trace that reached its destination or the hop limit ends as
// traceroute's does, with the last hop's line.
func (pr *Printer) Summary(r *Result) {
	for _, f := range r.Flows {
		if f.StoppedSilent {
			pr.silentLine(r, f)
		}
	}
	if pr.Cfg.Flows <= 1 {
		return
	}
	paths := Paths(r)
	fmt.Fprintf(pr.W, "%d distinct path(s) across %d flows:\n", len(paths), len(r.Flows))
	for i, p := range paths {
		fl := make([]string, len(p.Flows))
		for j, f := range p.Flows {
			fl[j] = fmt.Sprint(f)
		}
		fmt.Fprintf(pr.W, "  path %d (flows %s): %s\n", i+1, strings.Join(fl, ","), strings.Join(p.Hops, " "))
	}
}

// silentLine says that flow f stopped after a run of silent hops, and how
// to probe on.
func (pr *Printer) silentLine(r *Result, f FlowResult) {
	if len(f.Hops) == 0 {
		return
	}
	from, to := max(f.LastAnswered+1, r.Config.FirstTTL), f.Hops[len(f.Hops)-1].TTL
	flow := ""
	if pr.Cfg.Flows > 1 {
		flow = fmt.Sprintf("flow %d: ", f.Flow+1)
	}
	fmt.Fprintf(pr.W, "%sno answer from hops %d-%d, %d in a row past the last answer: stopped (--max-unknown %d; 0 probes on to hop %d)\n",
		flow, from, to, to-from+1, r.Config.unknownLimit(), r.Config.MaxHops)
}
