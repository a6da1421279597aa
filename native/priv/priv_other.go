//go:build !linux

package priv

import "errors"

// ErrUnsupported is returned on systems without Linux capabilities.
var ErrUnsupported = errors.New("priv: capabilities are a Linux feature")

// DropAll does nothing outside Linux and says so.
func DropAll() (Report, error) { return Report{}, ErrUnsupported }

// Effective is unsupported outside Linux.
func Effective() (uint64, error) { return 0, ErrUnsupported }

// HasNetRaw is false outside Linux: raw sockets there are a different story.
func HasNetRaw() bool { return false }
