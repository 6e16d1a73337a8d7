import { createParamDecorator, NotFoundException, type ExecutionContext } from '@nestjs/common';
import { taskIdOfTarget, type AssignmentScope } from '@duty-ledger/domain';

/**
 * The scope an assignment route names: a whole task (`tasks/:taskId/…`) or one target
 * (`targets/:targetId/…`, whose task its id tells).
 */
export const AssignmentScopeParam = createParamDecorator(
  (_: unknown, context: ExecutionContext): AssignmentScope => {
    const { params } = context.switchToHttp().getRequest<{ params: Record<string, string> }>();
    const { taskId, targetId } = params;
    if (targetId === undefined) return { taskId };
    const owner = taskIdOfTarget(targetId);
    if (!owner) throw new NotFoundException(`target ${targetId} does not exist`);
    return { taskId: owner, targetId };
  },
);
