namespace Net80211.Frames;

/// <summary>Structural check of a whole received frame (no FCS): header, the subtype's fixed fields
/// and, for management frames, every element the stack interprets. This is what a receive path
/// runs before dispatching, so that one counter bump accounts for each dropped frame.</summary>
public static class FrameValidator
{
    /// <summary>Returns <see cref="FrameParseError.None"/> for a well-formed frame, otherwise the first problem found.</summary>
    public static FrameParseError Validate(ReadOnlySpan<byte> frame)
    {
        if (!FrameHeader.TryRead(frame, out FrameHeader header, out FrameParseError error)) return error;
        return header.FrameControl.Type switch
        {
            FrameType.Management => ValidateManagement(frame),
            FrameType.Control => ValidateControl(frame, header.FrameControl.ControlSubtype),
            FrameType.Data => DataFrame.TryRead(frame, out _, out error) ? FrameParseError.None : error,
            _ => FrameParseError.UnknownType,
        };
    }

    /// <summary>Validates and counts a failure in <paramref name="counters"/>; true if the frame is well formed.</summary>
    public static bool TryValidate(ReadOnlySpan<byte> frame, FrameParseCounters counters, out FrameParseError error)
    {
        ArgumentNullException.ThrowIfNull(counters);
        error = Validate(frame);
        counters.Count(error);
        return error == FrameParseError.None;
    }

    private static FrameParseError ValidateControl(ReadOnlySpan<byte> frame, ControlSubtype subtype)
    {
        FrameParseError error;
        bool ok = subtype switch
        {
            ControlSubtype.Ack => AckFrame.TryRead(frame, out _, out error),
            ControlSubtype.Cts => CtsFrame.TryRead(frame, out _, out error),
            ControlSubtype.Rts => RtsFrame.TryRead(frame, out _, out error),
            ControlSubtype.PsPoll => PsPollFrame.TryRead(frame, out _, out error),
            ControlSubtype.CfEnd => CfEndFrame.TryRead(frame, out _, out error),
            ControlSubtype.BlockAckRequest => BlockAckRequestFrame.TryRead(frame, out _, out error),
            ControlSubtype.BlockAck => BlockAckFrame.TryRead(frame, out _, out error),
            _ => Fail(FrameParseError.Unsupported, out error),
        };
        return ok ? FrameParseError.None : error;
    }

    private static FrameParseError ValidateManagement(ReadOnlySpan<byte> frame)
    {
        if (!ManagementFrame.TryRead(frame, out ManagementFrame management, out FrameParseError error)) return error;
        // A protected body is ciphertext until the crypto layer has run.
        if (management.Header.FrameControl.Protected) return FrameParseError.None;

        ReadOnlySpan<byte> body = management.Body;
        ReadOnlySpan<byte> elements;
        switch (management.Subtype)
        {
            case ManagementSubtype.Beacon:
            case ManagementSubtype.ProbeResponse:
                if (!BeaconFrame.TryRead(body, out BeaconFrame beacon, out error)) return error;
                elements = beacon.Elements;
                break;
            case ManagementSubtype.ProbeRequest:
                if (!ProbeRequestFrame.TryRead(body, out ProbeRequestFrame probe, out error)) return error;
                elements = probe.Elements;
                break;
            case ManagementSubtype.AssociationRequest:
                if (!AssociationRequestFrame.TryRead(body, out AssociationRequestFrame assocReq, out error)) return error;
                elements = assocReq.Elements;
                break;
            case ManagementSubtype.ReassociationRequest:
                if (!ReassociationRequestFrame.TryRead(body, out ReassociationRequestFrame reassocReq, out error)) return error;
                elements = reassocReq.Elements;
                break;
            case ManagementSubtype.AssociationResponse:
            case ManagementSubtype.ReassociationResponse:
                if (!AssociationResponseFrame.TryRead(body, out AssociationResponseFrame assocResp, out error)) return error;
                elements = assocResp.Elements;
                break;
            case ManagementSubtype.Authentication:
                if (!AuthenticationFrame.TryRead(body, out AuthenticationFrame auth, out error)) return error;
                if (auth.Algorithm is not (AuthenticationAlgorithm.OpenSystem or AuthenticationAlgorithm.SharedKey)) return FrameParseError.None;
                elements = auth.Elements;
                break;
            case ManagementSubtype.Deauthentication:
            case ManagementSubtype.Disassociation:
                if (!DeauthenticationFrame.TryRead(body, out DeauthenticationFrame deauth, out error)) return error;
                elements = deauth.Elements;
                break;
            case ManagementSubtype.TimingAdvertisement:
                if (!TimingAdvertisementFrame.TryRead(body, out TimingAdvertisementFrame timing, out error)) return error;
                elements = timing.Elements;
                break;
            case ManagementSubtype.Atim:
                return AtimFrame.TryRead(body, out _, out error) ? FrameParseError.None : error;
            case ManagementSubtype.Action:
            case ManagementSubtype.ActionNoAck:
                return ActionFrame.TryRead(body, out _, out error) ? FrameParseError.None : error;
            default:
                return FrameParseError.UnknownType;
        }
        return ParsedIes.TryParse(elements, out _, out error) ? FrameParseError.None : error;
    }

    private static bool Fail(FrameParseError reason, out FrameParseError error)
    {
        error = reason;
        return false;
    }
}
