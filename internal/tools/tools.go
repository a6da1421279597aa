//go:build tools

// Package tools pins modules that parts of the tree under construction import,
// so that `go mod tidy` keeps them. It is never built.
package tools

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/google/gopacket/layers"
	_ "github.com/google/gopacket/pcapgo"
	_ "github.com/spf13/pflag"
	_ "github.com/stretchr/testify/require"
	_ "golang.org/x/net/icmp"
)
