using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Governance.Cli.Conversion;
using Governance.Cli.Replay;

namespace Governance.Cli.Tests.Replay;

public sealed class AckErrorsTests
{
    [Fact]
    public void Violations_BadRequest_GivesEachFieldAndReason()
    {
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation { Field = "point", Description = "is outside" },
                new BadRequest.Types.FieldViolation { Field = "category", Description = "is required" },
            },
        };
        var status = new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = "…", Details = { Any.Pack(badRequest) } };

        Assert.Equal([new FieldViolation("point", "is outside"), new FieldViolation("category", "is required")], AckErrors.Violations(status));
    }

    [Fact]
    public void Violations_StatusWithoutDetails_NamesTheCode()
    {
        var status = new Google.Rpc.Status { Code = (int)Code.Unavailable, Message = "the journal did not answer" };

        Assert.Equal([new FieldViolation("(Unavailable)", "the journal did not answer")], AckErrors.Violations(status));
    }
}
