using Populus.Planning.Work;
using Populus.Storage.PlanWork;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Store;

/// <summary>Work points and progress reports (migration 8): all-or-nothing imports with every problem named, and
/// departments seeing only their own items.</summary>
public sealed class PlanWorkTests
{
    private const string Points =
        "year,point_key,task_id,department,description,deadline\n" +
        "2024,P1,3.4.1,市教育局,新增普惠性幼儿园学位,2024-06-30\n" +
        "2024,P2,3.4.4,市卫健委,开展健康素养监测,2024-12-31\n" +
        "2024,P3,3.1.1,市发展改革委,编制产业平台年度计划,2024-03-31\n";

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Import_BadWorkPoints_NamesEveryProblem_AndStoresNothing(string engine)
    {
        using var t = TestStore.Create(engine);
        File.WriteAllText(t.File("points.csv"),
            "year,point_key,task_id,department,description,deadline\n" +
            "2024,P1,9.9.9,市教育局,x,2024-06-30\n" +
            "2024,P2,3.4.1,市公安局,x,2024-06-30\n" +
            "2024,P3,3.4.1,市教育局,x,2025-01-31\n" +
            "2024,P4,3.4.1,市教育局,x,30/06/2024\n" +
            "2024,P1 bad,3.4.1,市教育局,x,2024-06-30\n" +
            "2019,P6,3.4.1,市教育局,x,2019-06-30\n" +
            "2024,P7,3.4.1,市教育局,x,2024-06-30\n" +
            "2024,P7,3.4.1,市教育局,y,2024-07-30\n");
        using var store = t.Open();
        var ex = Assert.Throws<InvalidInputException>(() => store.Import("workpoints", t.File("points.csv")));
        var problems = ex.Errors.Select(e => (e.Row, e.Column, e.Value)).ToHashSet();
        Assert.Contains((2, "task_id", "9.9.9"), problems);
        Assert.Contains((3, "department", "市公安局"), problems);
        Assert.Contains((4, "deadline", "2025-01-31"), problems);
        Assert.Contains((5, "deadline", "30/06/2024"), problems);
        Assert.Contains((6, "point_key", "P1 bad"), problems);
        Assert.Contains((7, "year", "2019"), problems);
        Assert.Contains((9, "point_key", "P7"), problems);
        Assert.All(ex.Errors, e => Assert.EndsWith("points.csv", e.File, StringComparison.Ordinal));
        Assert.Contains("not a unit of task 3.4.1", ex.Errors.Single(e => e.Row == 3).Reason, StringComparison.Ordinal);
        Assert.Empty(store.Work.Items(2024, WorkScope.LeadOffice, new DateOnly(2024, 12, 31)));
        Assert.DoesNotContain(store.Batches(), b => b.Kind == "workpoints");
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Import_BadProgress_NamesEveryProblem_AndStoresNothing(string engine)
    {
        using var t = TestStore.Create(engine);
        File.WriteAllText(t.File("points.csv"), Points);
        File.WriteAllText(t.File("progress.csv"),
            "year,point_key,department,reported_on,percent_complete,completed,evidence,note\n" +
            "2024,P1,市教育局,2024-04-01,40,no,温教〔2024〕12号,\n" +
            "2024,P1,市卫健委,2024-04-02,40,no,x,\n" +
            "2024,P9,市教育局,2024-04-01,40,no,x,\n" +
            "2024,P1,市教育局,2024-05-01,140,no,x,\n" +
            "2024,P1,市教育局,2024-05-02,80,yes,x,\n" +
            "2024,P1,市教育局,2024-05-03,80,maybe,x,\n" +
            "2024,P1,市教育局,2024-05-04,80,no,,\n" +
            "2024,P1,市教育局,2024-04-01,50,no,x,\n" +
            $"2024,P1,市教育局,{DateTime.Now.AddDays(2):yyyy-MM-dd},50,no,x,\n");
        using var store = t.Open();
        store.Import("workpoints", t.File("points.csv"));
        var ex = Assert.Throws<InvalidInputException>(() => store.Import("progress", t.File("progress.csv")));
        var problems = ex.Errors.Select(e => (e.Row, e.Column)).ToHashSet();
        Assert.Contains((3, "department"), problems);
        Assert.Contains((4, "point_key"), problems);
        Assert.Contains((5, "percent_complete"), problems);
        Assert.Contains((6, "percent_complete"), problems);
        Assert.Contains((7, "completed"), problems);
        Assert.Contains((8, "evidence"), problems);
        Assert.Contains((9, "reported_on"), problems);
        Assert.StartsWith("after today", ex.Errors.Single(e => e.Row == 10).Reason, StringComparison.Ordinal); // a report of what has not happened yet
        Assert.DoesNotContain(ex.Errors, e => e.Row == 2);
        Assert.Contains("belongs to 市教育局", ex.Errors.Single(e => e.Row == 3).Reason, StringComparison.Ordinal);
        Assert.All(store.Work.Items(2024, WorkScope.LeadOffice, new DateOnly(2024, 12, 31)), i => Assert.Null(i.ReportedOn));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Items_ADepartmentSeesOnlyItsOwn_AndStatesFollowTheDeadlines(string engine)
    {
        using var t = TestStore.Create(engine);
        File.WriteAllText(t.File("points.csv"), Points);
        File.WriteAllText(t.File("progress.csv"),
            "year,point_key,department,reported_on,percent_complete,completed,evidence,note\n" +
            "2024,P1,市教育局,2024-03-01,10,no,温教〔2024〕12号,\n" +
            "2024,P2,市卫健委,2024-02-01,20,no,监测方案,\n" +
            "2024,P3,市发展改革委,2024-03-20,100,yes,温发改〔2024〕3号,\n");
        using var store = t.Open();
        store.Import("workpoints", t.File("points.csv"));
        store.Import("progress", t.File("progress.csv"));
        var asOf = new DateOnly(2024, 5, 31);

        var all = store.Work.Items(2024, WorkScope.LeadOffice, asOf);
        Assert.Equal(3, all.Count);
        var education = store.Work.Items(2024, WorkScope.Department("市教育局"), asOf);
        var p1 = Assert.Single(education);
        Assert.Equal("P1", p1.PointKey);
        Assert.True(p1.LeadsTask);
        // 150 of 181 days gone with 10 % done: lagging; on 1 July: overdue.
        Assert.Equal(WorkItemState.Lagging, p1.State);
        Assert.Equal(WorkItemState.Overdue, Assert.Single(store.Work.Items(2024, WorkScope.Department("市教育局"), new DateOnly(2024, 7, 1))).State);
        Assert.Equal(WorkItemState.Completed, all.Single(i => i.PointKey == "P3").State);
        Assert.Equal(WorkItemState.OnSchedule, all.Single(i => i.PointKey == "P2").State);
        Assert.Equal(["4", "6"], all.Single(i => i.PointKey == "P2").IndicatorPlanIds);
        // A department that has no points sees none, not the others'.
        Assert.Empty(store.Work.Items(2024, WorkScope.Department("市公安局"), asOf));
        Assert.Equal(["市卫健委"], store.Work.Departments(2024, WorkScope.Department("市卫健委")));
        // Reports after the day asked are not counted.
        Assert.Null(store.Work.Items(2024, WorkScope.Department("市发展改革委"), new DateOnly(2024, 3, 1)).Single().ReportedOn);
    }

    [Fact]
    public void ShippedTasks_FollowThePlanText()
    {
        var plan = File.ReadAllText(TestData.SharedPath("seed/wenzhou-population-plan-2021-2035.txt"));
        Assert.Equal(36, PlanTasks.List.Tasks.Count);
        Assert.Empty(PlanTasks.List.CheckAgainst(plan));
        // A changed lead unit is caught.
        var altered = PlanTaskList.Parse(File.ReadAllText(TestData.RepoPath("data/plan/tasks.csv")).Replace("3.4.1,三、主要任务,(四)完善人口素质支持体系,加快学前教育公益普惠发展,市教育局,", "3.4.1,三、主要任务,(四)完善人口素质支持体系,加快学前教育公益普惠发展,市公安局,", StringComparison.Ordinal));
        Assert.Contains(altered.CheckAgainst(plan), e => e.Entry == "task '3.4.1'" && e.Field == "lead_units");
    }
}
