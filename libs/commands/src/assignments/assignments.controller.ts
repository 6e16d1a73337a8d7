import {
  Body,
  Controller,
  Delete,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  requireKnownUnit,
  TASK_COMMAND_ROLES,
  taskIdOfTarget,
  type AssignmentScope,
} from '@duty-ledger/domain';
import { UnitRegistryService } from '../units/unit-registry.service';
import { CommandSender, type CommandResponse } from '../shared/command-sender';
import type { CommandRequest } from '../shared/request-context';
import { AssignUnitDto, DeclineAssignmentDto, RemoveAssignmentDto } from './assignment.dto';

function targetScope(targetId: string): AssignmentScope {
  const taskId = taskIdOfTarget(targetId);
  if (!taskId) throw new NotFoundException(`target ${targetId} does not exist`);
  return { taskId, targetId };
}

/** 交办, 签收 and 退回: on a whole task or on a single target. */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller()
export class AssignmentsController {
  constructor(
    private readonly sender: CommandSender,
    private readonly units: UnitRegistryService,
  ) {}

  @Post('tasks/:taskId/assignments')
  assignOnTask(
    @Param('taskId') taskId: string,
    @Body() body: AssignUnitDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.assign({ taskId }, body, req, reply);
  }

  @Post('targets/:targetId/assignments')
  assignOnTarget(
    @Param('targetId') targetId: string,
    @Body() body: AssignUnitDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.assign(targetScope(targetId), body, req, reply);
  }

  @Delete('tasks/:taskId/assignments/:unit')
  removeOnTask(
    @Param('taskId') taskId: string,
    @Param('unit') unit: string,
    @Body() body: RemoveAssignmentDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.remove({ taskId }, unit, body, req, reply);
  }

  @Delete('targets/:targetId/assignments/:unit')
  removeOnTarget(
    @Param('targetId') targetId: string,
    @Param('unit') unit: string,
    @Body() body: RemoveAssignmentDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.remove(targetScope(targetId), unit, body, req, reply);
  }

  @Post('tasks/:taskId/assignments/:unit/acknowledgement')
  @HttpCode(200)
  acknowledgeOnTask(
    @Param('taskId') taskId: string,
    @Param('unit') unit: string,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(req, reply, (metadata) => ({
      type: 'AcknowledgeAssignment',
      data: { taskId, unit },
      metadata,
    }));
  }

  @Post('targets/:targetId/assignments/:unit/acknowledgement')
  @HttpCode(200)
  acknowledgeOnTarget(
    @Param('targetId') targetId: string,
    @Param('unit') unit: string,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const scope = targetScope(targetId);
    return this.sender.send(req, reply, (metadata) => ({
      type: 'AcknowledgeAssignment',
      data: { ...scope, unit },
      metadata,
    }));
  }

  @Post('tasks/:taskId/assignments/:unit/decline')
  @HttpCode(200)
  declineOnTask(
    @Param('taskId') taskId: string,
    @Param('unit') unit: string,
    @Body() body: DeclineAssignmentDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(req, reply, (metadata) => ({
      type: 'DeclineAssignment',
      data: { taskId, unit, reason: body.reason },
      metadata,
    }));
  }

  @Post('targets/:targetId/assignments/:unit/decline')
  @HttpCode(200)
  declineOnTarget(
    @Param('targetId') targetId: string,
    @Param('unit') unit: string,
    @Body() body: DeclineAssignmentDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const scope = targetScope(targetId);
    return this.sender.send(req, reply, (metadata) => ({
      type: 'DeclineAssignment',
      data: { ...scope, unit, reason: body.reason },
      metadata,
    }));
  }

  private async assign(
    scope: AssignmentScope,
    body: AssignUnitDto,
    req: CommandRequest,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    // Who may assign is decided first (a lead gets 403 whatever it names), then whether the unit is known.
    if (TASK_COMMAND_ROLES.AssignLead.includes(req.principal.role))
      requireKnownUnit(await this.units.current(), body.unit);
    const data = { ...scope, unit: body.unit, reason: body.reason };
    return this.sender.send(req, reply, (metadata) =>
      body.role === 'lead'
        ? { type: 'AssignLead', data, metadata }
        : { type: 'AssignSupportingUnit', data, metadata },
    );
  }

  private remove(
    scope: AssignmentScope,
    unit: string,
    body: RemoveAssignmentDto,
    req: CommandRequest,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    // Without a role the handler takes the one role the unit holds at this scope.
    return this.sender.send(req, reply, (metadata) => ({
      type: 'RemoveAssignment',
      data: { ...scope, unit, reason: body.reason, role: body.role as 'lead' | 'supporting' },
      metadata,
    }));
  }
}
