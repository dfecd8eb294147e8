using System.Runtime.CompilerServices;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// A firmware conversation written as an <c>async</c> method (attach, power-up, a state change): what
/// if_iwx.c does with tsleep between commands, without blocking anything. Every continuation runs inline
/// where the awaited thing completes — a command response, a callout — which is always the radio's work
/// queue, so a flow is as deterministic as the rest of the simulation. There is no Task, no
/// SynchronizationContext and no thread-pool hop.
/// </summary>
[AsyncMethodBuilder(typeof(IwxFlowBuilder))]
public sealed class IwxFlow
{
    private Action<Exception?>? _onDone;
    private bool _done;
    private Exception? _fault;

    public bool IsCompleted => _done;
    /// <summary>The exception that ended the flow (a driver bug: flows report failures as results).</summary>
    public Exception? Fault => _fault;

    /// <summary>Runs <paramref name="onDone"/> when the flow ends (at once if it already has).</summary>
    public void OnDone(Action<Exception?> onDone)
    {
        ArgumentNullException.ThrowIfNull(onDone);
        if (_done) onDone(_fault);
        else _onDone += onDone;
    }

    /// <summary>Lets one flow await another (inline continuation).</summary>
    public Awaiter GetAwaiter() => new(this);

    public readonly struct Awaiter(IwxFlow flow) : ICriticalNotifyCompletion
    {
        public bool IsCompleted => flow.IsCompleted;
        public void GetResult()
        {
            if (flow.Fault is { } f) throw new InvalidOperationException("awaited flow failed: " + f.Message, f);
        }
        public void OnCompleted(Action continuation) => flow.OnDone(_ => continuation());
        public void UnsafeOnCompleted(Action continuation) => flow.OnDone(_ => continuation());
    }

    internal void Complete(Exception? fault)
    {
        if (_done) return;
        _done = true;
        _fault = fault;
        var done = _onDone;
        _onDone = null;
        done?.Invoke(fault);
    }
}

/// <summary>The async method builder of <see cref="IwxFlow"/>: starts the state machine inline and resumes
/// it wherever the awaiter calls back.</summary>
public struct IwxFlowBuilder
{
    private IwxFlow? _flow;
    private IAsyncStateMachine? _box;

    public static IwxFlowBuilder Create() => default;

    public IwxFlow Task => _flow ??= new IwxFlow();

    public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine
    {
        _ = Task;
        stateMachine.MoveNext();
    }

    public void SetStateMachine(IAsyncStateMachine stateMachine) => _box = stateMachine;

    public void SetResult() => Task.Complete(null);

    public void SetException(Exception exception) => Task.Complete(exception);

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
        => awaiter.OnCompleted(Box(ref stateMachine).MoveNext);

    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
        => awaiter.UnsafeOnCompleted(Box(ref stateMachine).MoveNext);

    private IAsyncStateMachine Box<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine
    {
        _ = Task;                       // the boxed copy must carry the flow
        return _box ?? IwxFlowBox.Box(ref stateMachine);
    }
}

/// <summary>Moves a flow's state machine to the heap at its first real await (what AsyncTaskMethodBuilder does).</summary>
internal static class IwxFlowBox
{
    public static IAsyncStateMachine Box<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine
    {
        IAsyncStateMachine box = stateMachine;
        box.SetStateMachine(box);       // the builder inside the box learns its box (SetStateMachine sets _box)
        return box;
    }
}

/// <summary>An <see cref="IwxFlow"/> with a result (a boot that reports its error, a command sequence
/// that reports its outcome).</summary>
[AsyncMethodBuilder(typeof(IwxFlowBuilder<>))]
public sealed class IwxFlow<T>
{
    private readonly IwxSignal<T> _result = new();

    public bool IsCompleted => _result.IsCompleted;
    public Exception? Fault { get; private set; }
    public T Result => _result.Result;

    public IwxSignal<T> GetAwaiter() => _result;

    public void OnDone(Action<T> onDone)
    {
        ArgumentNullException.ThrowIfNull(onDone);
        _result.UnsafeOnCompleted(() => onDone(_result.Result));
    }

    internal void Complete(T result, Exception? fault)
    {
        Fault = fault;
        _result.TrySet(result);
    }
}

public struct IwxFlowBuilder<T>
{
    private IwxFlow<T>? _flow;
    private IAsyncStateMachine? _box;

    public static IwxFlowBuilder<T> Create() => default;

    public IwxFlow<T> Task => _flow ??= new IwxFlow<T>();

    public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine
    {
        _ = Task;
        stateMachine.MoveNext();
    }

    public void SetStateMachine(IAsyncStateMachine stateMachine) => _box = stateMachine;

    public void SetResult(T result) => Task.Complete(result, null);

    /// <summary>A flow with a result never ends in an exception: the default result stands for "failed".</summary>
    public void SetException(Exception exception) => Task.Complete(default!, exception);

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
        => awaiter.OnCompleted(Box(ref stateMachine).MoveNext);

    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
        => awaiter.UnsafeOnCompleted(Box(ref stateMachine).MoveNext);

    private IAsyncStateMachine Box<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine
    {
        _ = Task;
        return _box ?? IwxFlowBox.Box(ref stateMachine);
    }
}

/// <summary>A one-shot result an <see cref="IwxFlow"/> can await: completed once, continuation run inline by
/// whoever completes it (a response handler, a callout, a reset).</summary>
public sealed class IwxSignal<T> : ICriticalNotifyCompletion
{
    private Action? _continuation;
    private T _result = default!;

    public bool IsCompleted { get; private set; }

    /// <summary>Completes the signal; false if it already was (a second completion is ignored).</summary>
    public bool TrySet(T result)
    {
        if (IsCompleted) return false;
        _result = result;
        IsCompleted = true;
        var c = _continuation;
        _continuation = null;
        c?.Invoke();
        return true;
    }

    public T Result => IsCompleted ? _result : throw new InvalidOperationException("the signal is not set yet");

    public IwxSignal<T> GetAwaiter() => this;

    public T GetResult() => Result;

    public void OnCompleted(Action continuation) => UnsafeOnCompleted(continuation);

    public void UnsafeOnCompleted(Action continuation)
    {
        if (IsCompleted) continuation();
        else _continuation += continuation;
    }
}
