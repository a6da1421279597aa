package main

import (
	"errors"
	"strconv"
	"strings"

	"icmplab/codec/dissect"
	"icmplab/codec/filter"
)

// Display filters for the page: the same language, compiled by the same
// code, as `icmplab decode -Y` (codec/filter). The page checks what the user
// types with filterCheck (error column for the squiggle, fields for
// completion) and the capture session filters with an exprFilter.

// FilterCheck is the verdict on a typed expression. The page needs it on
// every keystroke, so a bad expression is a result, not a rejection.
type FilterCheck struct {
	OK bool `json:"ok"`
	// Error is set when OK is false.
	Error *FilterError `json:"error,omitempty"`
	// Fields are the field names the expression reads.
	Fields []string `json:"fields,omitempty"`
}

// FilterError says where an expression goes wrong.
type FilterError struct {
	Offset  int    `json:"offset"`         // byte offset in the expression (UTF-8)
	Column  int    `json:"column"`         // 1-based character column
	Message string `json:"message"`        // the reason, in the language asked
	Hint    string `json:"hint,omitempty"` // "did you mean icmp.type?", in the language asked
	Text    string `json:"text"`           // the whole sentence, as the CLI prints it in that language
}

// filterCheck compiles expr and reports what the page shows under the box,
// the reason and hint in l (codec/filter words them).
func filterCheck(expr string, l Lang) FilterCheck {
	f, err := filter.Compile(expr)
	if err != nil {
		var fe *filter.Error
		if errors.As(err, &fe) {
			w := l.words()
			return FilterCheck{Error: &FilterError{Offset: fe.Offset, Column: fe.Column(), Message: fe.Reason(w), Hint: fe.HintIn(w), Text: fe.In(w)}}
		}
		return FilterCheck{Error: &FilterError{Message: err.Error(), Text: err.Error(), Column: 1}}
	}
	return FilterCheck{OK: true, Fields: f.Fields()}
}

// filterFields lists every field name with its description in l, for
// completion.
func filterFields(l Lang) []filter.Field { return filter.FieldsIn(l.words()) }

// exprFilter matches captured frames against a compiled expression, the
// way `icmplab decode -Y` does: from the bytes when the quick path can
// decide, else on the frame's dissection.
type exprFilter struct{ f *filter.Filter }

// newExprFilter compiles expr; the error is a *filter.Error.
func newExprFilter(expr string) (exprFilter, error) {
	f, err := filter.Compile(expr)
	return exprFilter{f}, err
}

// match reports whether a frame (1-based capture number, length on the
// wire, 0 for len(data)) matches.
func (e exprFilter) match(data []byte, start dissect.Layer, number, wireLen int) bool {
	if m, ok := e.f.MatchBytes(data, start, number, wireLen); ok {
		return m
	}
	return e.f.Match(dissect.Dissect(data, start, dissect.Options{Number: number, Len: wireLen}))
}

// filterMatch says whether one packet (a pasted frame: its bytes, the
// start layer decode named, its number and length on the wire) matches
// expr. A bad expression is an error, as in captureFilter, worded in l.
func filterMatch(expr string, data []byte, layer string, number, wireLen int, l Lang) (bool, error) {
	e, err := newExprFilter(expr)
	if err != nil {
		return false, filterErrorIn(err, l)
	}
	start := dissect.Guess(data)
	if layer != "" {
		var ok bool
		if start, ok = dissect.ParseLayer(layer); !ok {
			known := strings.Join(dissect.Layers(), ", ")
			return false, errors.New(l.say("unknown start layer "+quote(layer)+"; known: "+known,
				"알 수 없는 시작 계층 "+quote(layer)+": 아는 계층은 "+known))
		}
	}
	return e.match(data, start, number, wireLen), nil
}

// captureFilter sets the view of the open capture h (session.filter); its
// errors, a bad expression's included, are worded in l.
func captureFilter(h int, f Filter, l Lang) (CountResult, error) {
	s, err := getSession(h)
	if err != nil {
		return CountResult{}, errors.New(l.say("no open capture with handle "+strconv.Itoa(h),
			"핸들 "+strconv.Itoa(h)+"로 열린 캡처가 없습니다"))
	}
	out, err := s.filter(f)
	return out, filterErrorIn(err, l)
}

// filterErrorIn words a bad expression's error in l (codec/filter's
// catalogue, the column and the hint included); it still unwraps to the
// *filter.Error. Other errors are returned as they are.
func filterErrorIn(err error, l Lang) error {
	var fe *filter.Error
	if err == nil || !errors.As(err, &fe) {
		return err
	}
	return wordedError{text: fe.In(l.words()), err: fe}
}

// wordedError is an error whose text is in the page's language.
type wordedError struct {
	text string
	err  error
}

func (e wordedError) Error() string { return e.text }
func (e wordedError) Unwrap() error { return e.err }
