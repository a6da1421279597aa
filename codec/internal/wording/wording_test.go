package wording

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormat(t *testing.T) {
	tx := Text{"offset %#x where %#x was expected", "오프셋 %#[2]x이어야 할 자리에 %#[1]x이 있습니다"}
	n := [3]int{0x10, 0x20, 0}
	assert.Equal(t, "offset 0x10 where 0x20 was expected", Format(tx.In(false), n, [2]string{}))
	assert.Equal(t, "오프셋 0x20이어야 할 자리에 0x10이 있습니다", Format(tx.In(true), n, [2]string{}))
	assert.Equal(t, "magic 89504e47 marks a Navtel variant", Format("magic %[4]s marks a %[5]s variant", [3]int64{}, [2]string{"89504e47", "Navtel"}))
	assert.Equal(t, "empty", Format("empty", [3]int64{1, 2, 3}, [2]string{"a", "b"}), "unused arguments leave no trace")
}
