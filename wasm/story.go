package main

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"time"

	"icmplab/codec/capture"
	"icmplab/codec/dissect"
	"icmplab/codec/story"
	"icmplab/codec/textdump"
)

// The page's view of codec/story: every ping and trace in a capture, with
// each frame's role (to select a probe and its answer together in the list)
// and the plain sentence that names the probe an answer answers. Nothing
// here knows what answers what: codec/story does.
//
// The page calls it as icmplab.story(input) (main_js.go's methods,
// api.d.ts). A capture read in chunks by a session can keep a storyFeed
// beside it: add() for every packet, view() at captureEnd.

// StoryView is the JSON the page receives (api.d.ts: StoryView).
type StoryView struct {
	// Exchanges are in the `icmplab story --json` schema (README, "icmplab story").
	Exchanges []story.Exchange `json:"exchanges"`
	// Roles has one entry per frame that belongs to an exchange.
	Roles []StoryRole `json:"roles"`
	// Untracked probes came past the matcher's limit (Limit) unmatched.
	Untracked int `json:"untracked"`
	Limit     int `json:"limit"`
}

// StoryRole is what one frame is in an exchange.
type StoryRole struct {
	Frame    int    `json:"frame"`
	Exchange int    `json:"exchange"` // index into exchanges
	Answer   bool   `json:"answer"`   // false: the probe (or echo request) itself
	Hop      int    `json:"hop"`      // index into the trace's hops (or beyond)
	Probe    int    `json:"probe"`    // index into the hop's probes
	Beyond   bool   `json:"beyond"`   // the probe is in beyond, past the destination
	Request  int    `json:"request"`  // a ping's request index (by order sent)
	Partner  []int  `json:"partner"`  // the frames paired with this one (probe <-> answers)
	Sentence string `json:"sentence,omitempty"`
	// SentenceKO is Sentence in Korean (story.Result.SentenceKO): both come
	// back, so the page switches language without asking again.
	SentenceKO string `json:"sentenceKO,omitempty"`
}

// storyFeed runs the matcher over packets as a capture session reads them.
type storyFeed struct {
	m *story.Matcher
}

func newStoryFeed() *storyFeed { return &storyFeed{m: story.New(story.Options{})} }

// add hands one packet (its frame number from 1, link type of the capture).
func (f *storyFeed) add(frame int, t time.Time, data []byte, linkType uint32) {
	l, _ := dissect.LayerForLinkType(linkType)
	f.m.AddFrame(frame, t, data, l)
}

// view is the story so far.
func (f *storyFeed) view() StoryView { return storyView(f.m.Result()) }

// storyBytes reads a whole capture (pcap, pcapng, gzip) and tells its story.
func storyBytes(b []byte) (StoryView, error) {
	if len(b) == 0 {
		return StoryView{}, errEmpty
	}
	r, err := capture.NewReader(bytes.NewReader(b))
	if err != nil {
		return StoryView{}, err
	}
	f := newStoryFeed()
	for i := 1; ; i++ {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return StoryView{}, err
		}
		f.add(i, p.Time, p.Data, uint32(p.LinkType))
	}
	return f.view(), nil
}

// storyText reads packets pasted as text (any dialect textdump reads).
func storyText(text string) (StoryView, error) {
	if strings.TrimSpace(text) == "" {
		return StoryView{}, errEmpty
	}
	res, err := textdump.Parse(text, textdump.Options{MaxBytes: maxPasteBytes})
	if err != nil {
		return StoryView{}, err
	}
	m := story.New(story.Options{})
	for i, p := range res.Packets {
		// A time of day without a date (tcpdump's text) still gives
		// round trips: only differences are used.
		m.AddFrame(i+1, p.Time, p.Data, dissect.LayerAuto)
	}
	return storyView(m.Result()), nil
}

// storyView turns a Result into the page's JSON view.
func storyView(res *story.Result) StoryView {
	v := StoryView{Exchanges: res.Exchanges, Roles: []StoryRole{}, Untracked: res.Untracked, Limit: res.Limit}
	if v.Exchanges == nil {
		v.Exchanges = []story.Exchange{}
	}
	res.EachRole(func(frame int, ro story.Role) {
		sr := StoryRole{Frame: frame, Exchange: ro.Exchange, Answer: ro.Answer, Hop: ro.Hop, Probe: ro.Probe,
			Beyond: ro.InBeyond, Request: ro.Request, Partner: partners(res, ro)}
		sr.Sentence, _ = res.Sentence(frame)
		sr.SentenceKO, _ = res.SentenceKO(frame)
		v.Roles = append(v.Roles, sr)
	})
	return v
}

// partners lists the frames paired with the probe a role points at: the
// probe and every answer to it.
func partners(res *story.Result, ro story.Role) []int {
	e := res.Exchanges[ro.Exchange]
	var out []int
	if p := e.Ping; p != nil {
		q := p.Requests[ro.Request]
		out = append(out, q.Frame)
		for _, r := range p.Replies {
			if r.RequestFrame == q.Frame {
				out = append(out, r.ReplyFrame)
			}
		}
		for _, pe := range p.Errors {
			if pe.RequestFrame == q.Frame {
				out = append(out, pe.Frame)
			}
		}
		return out
	}
	hops := e.Trace.Hops
	if ro.InBeyond {
		hops = e.Trace.Beyond
	}
	pr := hops[ro.Hop].Probes[ro.Probe]
	out = append(out, pr.Frame)
	if pr.Answer != nil {
		out = append(out, pr.Answer.Frame)
	}
	for _, o := range pr.Others {
		out = append(out, o.Frame)
	}
	return out
}
