"""The transport's fragmenter reassembles what pypsrp's does, from the same bytes, in one join."""

from __future__ import annotations

import pytest
from pypsrp.complex_objects import PSInvocationState
from pypsrp.exceptions import FragmentError
from pypsrp.messages import PipelineState
from pypsrp.powershell import Fragmenter
from pypsrp.serializer import Serializer

from bridge.psrp_transport import _JoiningFragmenter

RPID = "8ef2d0a8-9fb9-4f2c-9e0e-5b5a2b0f7a11"


def _fragments(max_size: int) -> list[bytes]:
    # A message spread over many fragments, each a fragment header and its slice.
    state = PipelineState(state=PSInvocationState.COMPLETED)
    return Fragmenter(max_size, Serializer()).fragment(state, RPID)


def test_a_message_in_many_fragments_is_the_message_pypsrp_reads() -> None:
    fragments = _fragments(60)
    assert len(fragments) == 3
    ours = _JoiningFragmenter(60, Serializer())
    # Split across receives as a server may: each receive carries some of the fragments.
    messages = ours.defragment(b"".join(fragments[:1])) + ours.defragment(b"".join(fragments[1:]))
    theirs = Fragmenter(60, Serializer()).defragment(b"".join(fragments))
    assert [m.data.state for m in messages] == [m.data.state for m in theirs] == [PSInvocationState.COMPLETED]
    assert ours.incoming_buffer == {}


def test_a_fragment_out_of_order_fails_as_in_pypsrp() -> None:
    fragments = _fragments(60)
    with pytest.raises(FragmentError):
        _JoiningFragmenter(60, Serializer()).defragment(fragments[0] + fragments[2])
