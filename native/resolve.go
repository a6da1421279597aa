package main

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"
)

// Name resolution for ping and trace, failing in getaddrinfo's words, the
// ones iputils ping and traceroute print: "Name or service not known" when
// the resolver answered that the name does not exist, "Temporary failure
// in name resolution" when no resolver could be asked or none answered.

// resolveTimeout bounds one lookup; the resolver's own timeouts and
// attempts (resolv.conf) usually end it sooner, and an unreachable server
// (nothing listening, no route) fails at once.
const resolveTimeout = 5 * time.Second

// Resolution failures, worded as glibc's gai_strerror: iputils prints
// these words, capitals included, and scripts match them.
//
//lint:file-ignore ST1005 getaddrinfo's messages are quoted as glibc words them
var (
	errNoName      = errors.New("Name or service not known")
	errTempFailure = errors.New("Temporary failure in name resolution")
	errNoAddress   = errors.New("No address associated with hostname")
	errFamily      = errors.New("Address family for hostname not supported")
)

// resolveError is a host that could not be resolved: "HOST: reason".
type resolveError struct {
	host string
	err  error
}

func (e *resolveError) Error() string { return e.host + ": " + e.err.Error() }
func (e *resolveError) Unwrap() error { return e.err }

// lookupNetIP is the resolver, a variable so tests can count lookups.
var lookupNetIP = net.DefaultResolver.LookupNetIP

// resolve returns the host's address: the literal itself, or the first
// address the resolver gives for network ("ip", "ip4" or "ip6"); with
// prefer4, the first IPv4 one if any (traceroute's choice). numeric says
// the host was an address literal.
func resolve(ctx context.Context, host, network string, prefer4 bool) (addr netip.Addr, numeric bool, err error) {
	if a, err := netip.ParseAddr(host); err == nil {
		a = a.Unmap()
		if network == "ip4" && !a.Is4() || network == "ip6" && !a.Is6() {
			return a, true, &resolveError{host, errFamily}
		}
		return a, true, nil
	}
	ctx, cancel := context.WithTimeout(ctx, resolveTimeout)
	defer cancel()
	addrs, err := lookupNetIP(ctx, network, host)
	if err != nil {
		return netip.Addr{}, false, &resolveError{host, gaiError(err)}
	}
	if len(addrs) == 0 {
		return netip.Addr{}, false, &resolveError{host, errNoAddress}
	}
	if prefer4 {
		for _, a := range addrs {
			if a.Unmap().Is4() {
				return a.Unmap(), false, nil
			}
		}
	}
	return addrs[0].Unmap(), false, nil
}

// gaiError maps Go's resolver error to getaddrinfo's words.
func gaiError(err error) error {
	var de *net.DNSError
	if errors.As(err, &de) {
		switch {
		case de.IsNotFound:
			return errNoName
		case de.Err == "no such host":
			return errNoName
		}
	}
	return errTempFailure
}

// strerror writes a system error as C's strerror does ("Network is
// unreachable"), which iputils prints; Go's texts are lower-case.
func strerror(err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return err.Error()
	}
	s := errno.Error()
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// lookupNetwork names the resolver network for -4 / -6.
func lookupNetwork(only4, only6 bool) string {
	switch {
	case only4:
		return "ip4"
	case only6:
		return "ip6"
	}
	return "ip"
}

// Unresolved marks the error for ping's JSON summary (end_reason
// "unresolved").
func (e *resolveError) Unresolved() bool { return true }
