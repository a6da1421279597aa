package textdump

import (
	"strings"
	"time"
)

// parseHeaderTime reads the time stamp that starts a tool's header line:
// tcpdump's default "16:57:17.271634", -tttt "2026-11-27 16:57:17.271634",
// -tt "1764262637.271634", and K12's "16:57:17,271,634". A time of day
// without a date is returned on 0000-01-01 UTC (time.Time's year 0), so the
// caller can tell it from a full date; anything else gives the zero Time.
func parseHeaderTime(h string) time.Time {
	f := strings.Fields(h)
	if len(f) == 0 {
		return time.Time{}
	}
	if len(f) > 1 && len(f[0]) == 10 && f[0][4] == '-' && f[0][7] == '-' {
		y, ok1 := atoi(f[0][:4])
		mo, ok2 := atoi(f[0][5:7])
		d, ok3 := atoi(f[0][8:])
		if tod, ok := parseClock(f[1]); ok && ok1 && ok2 && ok3 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Add(tod)
		}
		return time.Time{}
	}
	if tod, ok := parseClock(f[0]); ok {
		return time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Add(tod)
	}
	// Seconds since the epoch with a fraction (tcpdump -tt).
	if i := strings.IndexByte(f[0], '.'); i >= 9 && i <= 11 {
		sec, ok := atoi(f[0][:i])
		ns, ok2 := fraction(f[0][i+1:])
		if ok && ok2 {
			return time.Unix(int64(sec), int64(ns)).UTC()
		}
	}
	return time.Time{}
}

// parseClock reads HH:MM:SS with an optional fraction after '.' or K12's
// ",mmm,uuu".
func parseClock(s string) (time.Duration, bool) {
	if len(s) < 8 || s[2] != ':' || s[5] != ':' {
		return 0, false
	}
	h, ok1 := atoi(s[:2])
	m, ok2 := atoi(s[3:5])
	sec, ok3 := atoi(s[6:8])
	if !ok1 || !ok2 || !ok3 || h > 23 || m > 59 || sec > 60 {
		return 0, false
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second
	rest := s[8:]
	switch {
	case rest == "":
	case rest[0] == '.':
		ns, ok := fraction(rest[1:])
		if !ok {
			return 0, false
		}
		d += time.Duration(ns)
	case rest[0] == ',':
		ns, ok := fraction(strings.ReplaceAll(rest[1:], ",", ""))
		if !ok {
			return 0, false
		}
		d += time.Duration(ns)
	default:
		return 0, false
	}
	return d, true
}

// fraction turns the digits after a decimal point into nanoseconds.
func fraction(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	v, ok := atoi(s)
	for i := len(s); i < 9; i++ {
		v *= 10
	}
	return v, ok
}

// atoi reads a short run of decimal digits (at most 11, so no overflow).
func atoi(s string) (int, bool) {
	if len(s) == 0 || len(s) > 11 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}
