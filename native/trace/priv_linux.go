//go:build linux

package trace

import (
	"fmt"

	"icmplab/native/priv"
)

// dropPrivileges gives up every capability once the probe sockets exist:
// the rest of the trace parses packets anyone on the path can forge.
func dropPrivileges() error {
	if _, err := priv.DropAll(); err != nil {
		return fmt.Errorf("dropping capabilities: %w", err)
	}
	return nil
}
