using Populus.Planning.Data;

namespace Populus.Planning.GoalSeeking;

/// <summary>
/// A goal seek refused for its question (a target held for another region, an indicator the projection does not give,
/// a target without a figure), worded in English and Chinese: the command line prints both, the API answers 400 with
/// the Chinese as <c>detailZh</c>.
/// </summary>
public sealed class GoalSeekRefusedException(Reason reason, string paramName) : RefusedArgumentException(reason, paramName);
